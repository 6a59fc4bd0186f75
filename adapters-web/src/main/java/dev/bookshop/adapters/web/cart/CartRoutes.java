package dev.bookshop.adapters.web.cart;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshop.adapters.web.Access;
import dev.bookshop.adapters.web.WebSettings.RateLimit;
import dev.bookshop.adapters.web.http.ClientAddresses;
import dev.bookshop.adapters.web.http.JsonBody;
import dev.bookshop.adapters.web.http.PathIds;
import dev.bookshop.adapters.web.http.Violations;
import dev.bookshop.adapters.web.security.Authenticator;
import dev.bookshop.adapters.web.security.Caller;
import dev.bookshop.adapters.web.security.RateLimiter;
import dev.bookshop.application.cart.port.in.AddToCartUseCase;
import dev.bookshop.application.cart.port.in.CartDiscountUseCase;
import dev.bookshop.application.cart.port.in.GetCartUseCase;
import dev.bookshop.application.cart.port.in.GuestCartDiscountUseCase;
import dev.bookshop.application.cart.port.in.GuestCartUseCase;
import dev.bookshop.application.cart.port.in.RemoveFromCartUseCase;
import dev.bookshop.application.cart.port.in.SetCartQuantityUseCase;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.user.UserId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The caller's one cart: {@code /api/v1/cart}, the account's with a bearer token, a guest's with
 * {@code X-Cart-Token} (a bearer token wins when both are sent); and {@code POST /api/v1/carts}, which starts a
 * guest cart for anyone.
 */
public final class CartRoutes {

    /**
     * Each guest cart is a row anyone may make: a budget per client address keeps one client from filling the table,
     * and is far above what a person browsing needs (one cart per visit).
     */
    static final RateLimit GUEST_CARTS_PER_ADDRESS = new RateLimit(60, Duration.ofMinutes(1));

    private final GetCartUseCase getCart;
    private final AddToCartUseCase addToCart;
    private final RemoveFromCartUseCase removeFromCart;
    private final SetCartQuantityUseCase setQuantity;
    private final GuestCartUseCase guestCart;
    private final CartDiscountUseCase cartDiscount;
    private final GuestCartDiscountUseCase guestCartDiscount;
    private final ObjectMapper json;
    private final RateLimiter limiter;

    public CartRoutes(
            GetCartUseCase getCart,
            AddToCartUseCase addToCart,
            RemoveFromCartUseCase removeFromCart,
            SetCartQuantityUseCase setQuantity,
            GuestCartUseCase guestCart,
            CartDiscountUseCase cartDiscount,
            GuestCartDiscountUseCase guestCartDiscount,
            ObjectMapper json,
            RateLimiter limiter) {
        this.cartDiscount = cartDiscount;
        this.guestCartDiscount = guestCartDiscount;
        this.getCart = getCart;
        this.addToCart = addToCart;
        this.removeFromCart = removeFromCart;
        this.setQuantity = setQuantity;
        this.guestCart = guestCart;
        this.json = json;
        this.limiter = limiter;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/carts", this::start, Access.PUBLIC);
        routes.get("/api/v1/cart", this::show, Access.CART);
        routes.post("/api/v1/cart/add", this::add, Access.CART);
        routes.post("/api/v1/cart/remove", this::remove, Access.CART);
        routes.patch("/api/v1/cart/items/{productId}", this::set, Access.CART);
        routes.post("/api/v1/cart/discount", this::applyDiscount, Access.CART);
        routes.delete("/api/v1/cart/discount", this::removeDiscount, Access.CART);
    }

    /** A code that cannot apply is a 422 DISCOUNT_INVALID with its reason; a missing code is a validation failure. */
    private void applyDiscount(Context ctx) {
        JsonBody body = JsonBody.read(ctx, json);
        Violations violations = new Violations();
        String code = violations.field("code", () -> body.requiredText("code"));
        violations.throwIfAny();
        answer(
                ctx,
                userId -> cartDiscount.applyDiscount(userId, code),
                token -> guestCartDiscount.applyGuestDiscount(token, code));
    }

    private void removeDiscount(Context ctx) {
        answer(ctx, cartDiscount::removeDiscount, guestCartDiscount::removeGuestDiscount);
    }

    private void start(Context ctx) {
        limiter.acquire("guest-cart:" + ClientAddresses.of(ctx).rateLimitKey(), GUEST_CARTS_PER_ADDRESS);
        ctx.status(HttpStatus.CREATED).json(NewGuestCartView.of(guestCart.startGuestCart()));
    }

    private void show(Context ctx) {
        answer(ctx, getCart::getCart, guestCart::guestCart);
    }

    private void add(Context ctx) {
        JsonBody body = JsonBody.read(ctx, json);
        Violations violations = new Violations();
        ProductId productId = violations.field("productId", () -> productId(body));
        Quantity quantity = violations.field(
                "quantity", () -> Quantity.of(body.integer("quantity").orElse(1)));
        violations.throwIfAny();
        answer(
                ctx,
                userId -> addToCart.addToCart(userId, productId, quantity),
                token -> guestCart.addToGuestCart(token, productId, quantity));
    }

    private void remove(Context ctx) {
        JsonBody body = JsonBody.read(ctx, json);
        Violations violations = new Violations();
        ProductId productId = violations.field("productId", () -> productId(body));
        Optional<Quantity> quantity =
                violations.field("quantity", () -> body.integer("quantity").map(Quantity::of));
        violations.throwIfAny();
        answer(
                ctx,
                userId -> removeFromCart.removeFromCart(userId, productId, quantity),
                token -> guestCart.removeFromGuestCart(token, productId, quantity));
    }

    private void set(Context ctx) {
        ProductId productId = ProductId.of(PathIds.uuid(ctx, "productId"));
        JsonBody body = JsonBody.read(ctx, json);
        Violations violations = new Violations();
        // Boxed: a refused field answers null, and the refusal is thrown just below.
        Integer quantity = violations.field("quantity", () -> {
            int n = body.requiredInteger("quantity");
            if (n < 0 || n > Quantity.MAX) {
                throw new InvalidValueException("must be from 0 (removes the line) to " + Quantity.MAX);
            }
            return n;
        });
        violations.throwIfAny();
        answer(
                ctx,
                userId -> setQuantity.setCartQuantity(userId, productId, quantity),
                token -> guestCart.setGuestCartQuantity(token, productId, quantity));
    }

    /** The account's cart for a signed-in caller, else the guest's whose token the guard let through. */
    private static void answer(
            Context ctx,
            Function<UserId, dev.bookshop.application.cart.port.in.CartView> onAccount,
            Function<String, dev.bookshop.application.cart.port.in.CartView> onGuest) {
        Optional<Caller> caller = Authenticator.callerIfAny(ctx);
        ctx.json(CartView.of(
                caller.isPresent()
                        ? onAccount.apply(caller.get().userId())
                        : onGuest.apply(Authenticator.cartToken(ctx).orElseThrow())));
    }

    private static ProductId productId(JsonBody body) {
        return ProductId.of(PathIds.parse(body.requiredText("productId")));
    }
}
