package dev.bookshop.adapters.web.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshop.adapters.web.Access;
import dev.bookshop.adapters.web.WebSettings.RateLimit;
import dev.bookshop.adapters.web.address.AddressRoutes;
import dev.bookshop.adapters.web.http.JsonBody;
import dev.bookshop.adapters.web.http.PageView;
import dev.bookshop.adapters.web.http.PathIds;
import dev.bookshop.adapters.web.http.QueryParams;
import dev.bookshop.adapters.web.http.Violations;
import dev.bookshop.adapters.web.security.Authenticator;
import dev.bookshop.adapters.web.security.RateLimiter;
import dev.bookshop.application.order.port.in.CheckoutRequest;
import dev.bookshop.application.order.port.in.CheckoutResult;
import dev.bookshop.application.order.port.in.CheckoutUseCase;
import dev.bookshop.application.order.port.in.GetMyOrderUseCase;
import dev.bookshop.application.order.port.in.ListMyOrdersUseCase;
import dev.bookshop.application.order.port.in.QuoteCheckoutUseCase;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.address.AddressId;
import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.common.Text;
import dev.bookshop.domain.common.ValidationException;
import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.shipping.ShippingMethodId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/** Checkout, its quote, and the caller's own orders. */
public final class OrderRoutes {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final String SHIPPING_ADDRESS_ID = "shippingAddressId";
    private static final String SHIPPING_ADDRESS = "shippingAddress";
    private static final String SHIPPING_METHOD_ID = "shippingMethodId";
    private static final String DISCOUNT_CODE = "discountCode";

    /** Longer than any code a shop hands out; bounds what an unknown code costs to look up. */
    private static final int MAX_DISCOUNT_CODE = 64;

    private final CheckoutUseCase checkout;
    private final QuoteCheckoutUseCase quote;
    private final ListMyOrdersUseCase listMyOrders;
    private final GetMyOrderUseCase getMyOrder;

    private final RateLimiter limiter;
    private final RateLimit checkoutPerAccount;
    private final ObjectMapper json;

    /**
     * @param checkoutPerAccount how often one account may check out; its quotes have a bucket of their own of the
     *     same size, so asking for prices never uses up the checkouts
     */
    public OrderRoutes(
            CheckoutUseCase checkout,
            QuoteCheckoutUseCase quote,
            ListMyOrdersUseCase listMyOrders,
            GetMyOrderUseCase getMyOrder,
            RateLimiter limiter,
            RateLimit checkoutPerAccount,
            ObjectMapper json) {
        this.checkout = checkout;
        this.quote = quote;
        this.listMyOrders = listMyOrders;
        this.getMyOrder = getMyOrder;
        this.limiter = limiter;
        this.checkoutPerAccount = checkoutPerAccount;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/checkout", this::checkout, Access.CUSTOMER);
        routes.post("/api/v1/checkout/quote", this::quote, Access.CUSTOMER);
        routes.get("/api/v1/orders/me", this::myOrders, Access.CUSTOMER);
        routes.get("/api/v1/orders/{id}", this::myOrder, Access.CUSTOMER);
    }

    private void checkout(Context ctx) {
        var caller = Authenticator.caller(ctx);
        // Before anything else, replays included: each checkout attempt reserves stock or asks the provider again.
        limiter.acquire("checkout:" + caller.userId(), checkoutPerAccount);
        Violations violations = new Violations();
        Optional<IdempotencyKey> key = violations.field(
                IDEMPOTENCY_KEY,
                () -> Optional.ofNullable(ctx.header(IDEMPOTENCY_KEY)).map(IdempotencyKey::new));
        violations.throwIfAny();
        CheckoutRequest request = request(ctx);
        CheckoutResult result = checkout.checkout(caller.userId(), request, key);
        if (result.replayed()) {
            ctx.header(REPLAYED, "true");
        }
        // A replay answers exactly like the first call, 201 included, so a retrying client needs no special case.
        ctx.status(HttpStatus.CREATED).json(CheckoutView.of(result));
    }

    private void quote(Context ctx) {
        var caller = Authenticator.caller(ctx);
        limiter.acquire("quote:" + caller.userId(), checkoutPerAccount);
        ctx.json(QuoteView.of(quote.quote(caller.userId(), request(ctx))));
    }

    /**
     * The checkout body. No body at all is a checkout without choices, as before a shop shipped (a client of that
     * time sends none); a body is a JSON object. An address written out is named {@code shippingAddress.<part>} when
     * a part breaks a rule.
     */
    private CheckoutRequest request(Context ctx) {
        if (ctx.bodyAsBytes().length == 0) {
            return CheckoutRequest.NONE;
        }
        JsonBody body = JsonBody.read(ctx, json);
        Violations violations = new Violations();
        Optional<AddressId> addressId = violations.field(
                SHIPPING_ADDRESS_ID,
                () -> body.text(SHIPPING_ADDRESS_ID).map(PathIds::parse).map(AddressId::of));
        Optional<PostalAddress> address = body.object(SHIPPING_ADDRESS).flatMap(inline -> {
            try {
                return Optional.of(AddressRoutes.read(inline));
            } catch (ValidationException e) {
                e.violations().forEach(v -> violations.add(SHIPPING_ADDRESS + "." + v.field(), v.message()));
                return Optional.empty();
            }
        });
        Optional<ShippingMethodId> methodId = violations.field(
                SHIPPING_METHOD_ID,
                () -> body.text(SHIPPING_METHOD_ID).map(PathIds::parse).map(ShippingMethodId::of));
        Optional<String> discountCode = violations.field(
                DISCOUNT_CODE,
                () -> body.text(DISCOUNT_CODE).map(code -> Text.required(code, DISCOUNT_CODE, MAX_DISCOUNT_CODE)));
        if (present(body, SHIPPING_ADDRESS_ID) && present(body, SHIPPING_ADDRESS)) {
            violations.add(SHIPPING_ADDRESS, "send either shippingAddressId or shippingAddress, not both");
        }
        violations.throwIfAny();
        return new CheckoutRequest(addressId, address, methodId, discountCode);
    }

    private static boolean present(JsonBody body, String field) {
        return body.has(field) && !body.isNull(field);
    }

    private void myOrders(Context ctx) {
        var caller = Authenticator.caller(ctx);
        Violations violations = new Violations();
        PageRequest page = new QueryParams(ctx).page(violations);
        violations.throwIfAny();
        ctx.json(PageView.of(listMyOrders.listMyOrders(caller.userId(), page), OrderView::of));
    }

    private void myOrder(Context ctx) {
        var caller = Authenticator.caller(ctx);
        OrderId orderId = OrderId.of(PathIds.uuid(ctx, "id"));
        ctx.json(OrderView.of(getMyOrder.getMyOrder(caller.userId(), orderId)));
    }
}
