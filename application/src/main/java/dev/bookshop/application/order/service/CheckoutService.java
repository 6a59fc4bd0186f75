package dev.bookshop.application.order.service;

import dev.bookshop.application.address.port.out.AddressBookRepository;
import dev.bookshop.application.cart.port.out.CartRepository;
import dev.bookshop.application.catalog.port.out.ProductRepository;
import dev.bookshop.application.discount.service.DiscountRedemptions;
import dev.bookshop.application.order.port.in.CheckoutRequest;
import dev.bookshop.application.order.port.in.CheckoutResult;
import dev.bookshop.application.order.port.in.CheckoutUseCase;
import dev.bookshop.application.order.port.in.QuoteCheckoutUseCase;
import dev.bookshop.application.order.port.out.IdempotencyRecord;
import dev.bookshop.application.order.port.out.IdempotencyRepository;
import dev.bookshop.application.order.port.out.OrderRepository;
import dev.bookshop.application.payment.port.out.PaymentGateway;
import dev.bookshop.application.payment.port.out.PaymentGatewayException;
import dev.bookshop.application.payment.port.out.PaymentRequest;
import dev.bookshop.application.payment.port.out.PaymentSession;
import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.application.shared.port.out.TransactionRunner;
import dev.bookshop.application.shared.service.Actors;
import dev.bookshop.application.shared.service.ShopSettings;
import dev.bookshop.application.shipping.port.out.ShippingMethodRepository;
import dev.bookshop.application.shipping.port.out.TaxRateRepository;
import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.cart.CartLine;
import dev.bookshop.domain.catalog.InsufficientStockException;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.StockShortage;
import dev.bookshop.domain.order.CartEmptyException;
import dev.bookshop.domain.order.CheckoutQuote;
import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.order.IdempotencyKeyReusedException;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderEventType;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.order.OrderTransition;
import dev.bookshop.domain.order.PaymentAnswer;
import dev.bookshop.domain.order.PaymentProviderUnavailableException;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checkout and its quote. One transaction turns the cart into a PENDING order (within the purchase limits, priced with
 * its shipping and tax by {@link CheckoutPricing}, taking stock line by line, in product-id order, and only when enough
 * is left), then, after commit, the payment provider is asked to take
 * the money, and a second short transaction records its answer. The provider is never called while the database holds locks.
 */
public final class CheckoutService implements CheckoutUseCase, QuoteCheckoutUseCase {

    private final TransactionRunner transactions;
    private final CartRepository carts;
    private final ProductRepository products;
    private final OrderRepository orders;
    private final IdempotencyRepository idempotency;
    private final PaymentGateway payments;
    private final OrderLifecycle lifecycle;
    private final Actors actors;
    private final IdGenerator ids;
    private final Clock clock;
    private final ShopSettings settings;
    private final boolean requireVerifiedEmail;
    private final CheckoutPricing pricing;
    private final DiscountRedemptions discounts;

    public CheckoutService(
            TransactionRunner transactions,
            CartRepository carts,
            ProductRepository products,
            OrderRepository orders,
            IdempotencyRepository idempotency,
            PaymentGateway payments,
            OrderLifecycle lifecycle,
            Actors actors,
            IdGenerator ids,
            Clock clock,
            ShopSettings settings,
            boolean requireVerifiedEmail,
            AddressBookRepository addresses,
            ShippingMethodRepository shippingMethods,
            TaxRateRepository taxRates,
            DiscountRedemptions discounts) {
        this.discounts = discounts;
        this.transactions = transactions;
        this.carts = carts;
        this.products = products;
        this.orders = orders;
        this.idempotency = idempotency;
        this.payments = payments;
        this.lifecycle = lifecycle;
        this.actors = actors;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
        this.requireVerifiedEmail = requireVerifiedEmail;
        this.pricing =
                new CheckoutPricing(products, addresses, shippingMethods, taxRates, settings.currency(), discounts);
    }

    @Override
    public CheckoutQuote quote(UserId userId, CheckoutRequest request) {
        Objects.requireNonNull(request, "request");
        return transactions.inTransaction(() -> {
            actors.requireActive(userId);
            // Read, not locked: a quote reserves nothing, so it need not wait for a checkout of the same cart.
            Cart cart = carts.find(userId).orElseGet(() -> Cart.empty(userId, clock.instant()));
            if (cart.isEmpty()) {
                throw new CartEmptyException();
            }
            settings.purchaseLimits().requireOrderable(cart);
            return pricing.quote(userId, cart, request, discountCode(userId, request));
        });
    }

    @Override
    public CheckoutResult checkout(UserId userId, CheckoutRequest request, Optional<IdempotencyKey> idempotencyKey) {
        Objects.requireNonNull(request, "request");
        Placement placement = transactions.inTransaction(() -> place(userId, request, idempotencyKey));
        if (placement.replayed()) {
            return replay(placement.order());
        }
        return pay(placement.order());
    }

    private record Placement(Order order, boolean replayed) {}

    private Placement place(UserId userId, CheckoutRequest request, Optional<IdempotencyKey> key) {
        User customer = actors.requireActive(userId);
        if (requireVerifiedEmail) {
            customer.requireVerifiedEmail();
        }
        Instant now = clock.instant();
        // Locking the cart first serialises every checkout of this customer, including retries with one key.
        Cart cart = carts.getForUpdate(userId, now);
        Fingerprint fingerprint = Fingerprint.of(cart, request);
        if (key.isPresent()) {
            Optional<IdempotencyRecord> earlier = idempotency.find(userId, key.get());
            if (earlier.isPresent()) {
                if (!fingerprint.replays(earlier.get().requestFingerprint(), cart.isEmpty())) {
                    throw new IdempotencyKeyReusedException();
                }
                return new Placement(orders.findById(earlier.get().orderId()).orElseThrow(), true);
            }
        }
        if (cart.isEmpty()) {
            throw new CartEmptyException();
        }
        settings.purchaseLimits().requireOrderable(cart);
        // Counted under the cart lock: a concurrent checkout of this customer waits above, so it sees this order.
        settings.purchaseLimits().requireRoomForAnotherPendingOrder(orders.countPendingByUser(userId));
        // Every refusal of the request comes before any stock is taken.
        // The discount code is locked here, before any stock: every checkout takes its locks in this order.
        CheckoutPricing.Priced priced = pricing.priceForPlacing(userId, cart, request, discountCode(userId, request));
        takeStock(cart);
        Order order = Order.place(
                new OrderId(ids.newId()),
                userId,
                priced.quote(),
                priced.discount().map(d -> d.code().code()),
                now);
        orders.insert(order);
        priced.discount().ifPresent(d -> discounts.redeem(d, order.id(), userId, now));
        lifecycle.record(order, OrderEventType.PLACED, "", now);
        carts.delete(userId);
        key.ifPresent(k -> {
            if (!idempotency.insertIfAbsent(new IdempotencyRecord(userId, k, fingerprint.text(), order.id(), now))) {
                throw new IllegalStateException("checkout key recorded concurrently despite the cart lock");
            }
        });
        return new Placement(order, false);
    }

    /**
     * The code the checkout applies: the one the request names, else the one the cart has applied. A cart's code that
     * no longer applies refuses the checkout like a named one, rather than charging more than the cart showed with it.
     */
    private Optional<String> discountCode(UserId userId, CheckoutRequest request) {
        return request.discountCode().isPresent() ? request.discountCode() : carts.discountCode(userId);
    }

    /** Conditional decrements in product-id order; any shortfall rolls back every line taken so far. */
    private void takeStock(Cart cart) {
        List<StockShortage> shortages = new ArrayList<>();
        for (CartLine line : cart.linesInLockOrder()) {
            int wanted = line.quantity().value();
            if (!products.decrementStock(line.productId(), wanted)) {
                int left =
                        products.findById(line.productId()).map(Product::stock).orElse(0);
                shortages.add(new StockShortage(line.productId(), wanted, left));
            }
        }
        if (!shortages.isEmpty()) {
            throw new InsufficientStockException(shortages);
        }
    }

    private CheckoutResult pay(Order order) {
        PaymentSession session;
        try {
            session = payments.startPayment(paymentRequest(order));
        } catch (PaymentGatewayException e) {
            transactions.inTransaction(() -> orders.findByIdForUpdate(order.id())
                    .ifPresent(o -> {
                        switch (o.fail()) {
                            case OrderTransition.Failed failed ->
                                lifecycle.failed(
                                        failed,
                                        OrderEventType.PAYMENT_PROVIDER_UNAVAILABLE,
                                        String.valueOf(e.getMessage()),
                                        clock.instant());
                            case OrderTransition.Ignored ignored -> {}
                        }
                    }));
            throw new PaymentProviderUnavailableException(String.valueOf(e.getMessage()));
        }
        Order recorded = transactions.inTransaction(() -> record(order.id(), session));
        return new CheckoutResult(recorded, payment(recorded, session.clientSecret()), false);
    }

    /** Records the provider's first answer; the order decides whether it still counts. */
    private Order record(OrderId orderId, PaymentSession session) {
        Instant now = clock.instant();
        Order order = orders.findByIdForUpdate(orderId).orElseThrow();
        boolean unreferenced = order.paymentReference().isEmpty();
        if (unreferenced) {
            order = order.withPaymentReference(session.reference());
        }
        // Paying or failing writes the order, its reference with it: one write rather than two.
        switch (order.answerCheckout(answer(session.status()), now)) {
            case OrderTransition.Paid paid -> {
                return lifecycle.paid(paid, now);
            }
            case OrderTransition.Failed failed -> {
                return lifecycle.failed(failed, OrderEventType.PAYMENT_FAILED, "refused at start", now);
            }
            case OrderTransition.AwaitingPayment waiting ->
                lifecycle.record(order, OrderEventType.PAYMENT_STARTED, session.reference(), now);
            case OrderTransition.Ignored ignored -> {}
        }
        if (unreferenced) {
            orders.update(order);
        }
        return order;
    }

    private static PaymentAnswer answer(PaymentSession.Status status) {
        return switch (status) {
            case SUCCEEDED -> PaymentAnswer.SUCCEEDED;
            case PENDING -> PaymentAnswer.PENDING;
            case FAILED -> PaymentAnswer.FAILED;
        };
    }

    /** A retried checkout answers the first order as it stands now; a payment still open is asked for again. */
    private CheckoutResult replay(Order order) {
        // The first answer was 502: a retry with the same key gets it again rather than a 201 for a failed order.
        if (order.hasFailed() && lifecycle.happened(order, OrderEventType.PAYMENT_PROVIDER_UNAVAILABLE)) {
            throw new PaymentProviderUnavailableException("the first attempt with this key could not reach it");
        }
        Optional<String> clientSecret = Optional.empty();
        if (order.isAwaitingPayment()) {
            try {
                // Same idempotency key as the first call: the provider hands back the same payment.
                PaymentSession session = payments.startPayment(paymentRequest(order));
                clientSecret = session.clientSecret();
                Order recorded = transactions.inTransaction(() -> record(order.id(), session));
                return new CheckoutResult(recorded, payment(recorded, clientSecret), true);
            } catch (PaymentGatewayException e) {
                // The first answer stands; the customer can retry again.
            }
        }
        return new CheckoutResult(order, payment(order, clientSecret), true);
    }

    private PaymentRequest paymentRequest(Order order) {
        return new PaymentRequest(order.id(), order.total(), order.currency(), "order-" + order.id());
    }

    private CheckoutResult.Payment payment(Order order, Optional<String> clientSecret) {
        return new CheckoutResult.Payment(
                payments.provider(),
                CheckoutResult.PaymentStatus.of(order.status()),
                order.isAwaitingPayment() ? clientSecret : Optional.empty());
    }

    /**
     * Identifies a checkout request, independent of line order, so a retried key can be matched to it: the cart it
     * bought, and the customer's choices when there were any. Stored as {@code cart} or {@code cart:choices}, so a key
     * recorded before checkouts had choices still reads as a request without them.
     */
    record Fingerprint(String cart, String choices) {

        static Fingerprint of(Cart cart, CheckoutRequest request) {
            String canonicalCart = cart.linesInLockOrder().stream()
                    .map(l -> l.productId() + "x" + l.quantity().value())
                    .collect(Collectors.joining(","));
            String canonicalChoices = request.canonical();
            return new Fingerprint(sha256(canonicalCart), canonicalChoices.isEmpty() ? "" : sha256(canonicalChoices));
        }

        String text() {
            return choices.isEmpty() ? cart : cart + ":" + choices;
        }

        /**
         * Whether this request repeats the one recorded: the same choices, and the same cart unless the cart is now
         * empty (the first checkout emptied it, so an empty cart is the ordinary retry).
         */
        boolean replays(String recorded, boolean cartIsEmpty) {
            int colon = recorded.indexOf(':');
            String recordedCart = colon < 0 ? recorded : recorded.substring(0, colon);
            String recordedChoices = colon < 0 ? "" : recorded.substring(colon + 1);
            return recordedChoices.equals(choices) && (cartIsEmpty || recordedCart.equals(cart));
        }

        private static String sha256(String canonical) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK ships SHA-256", e);
            }
        }
    }
}
