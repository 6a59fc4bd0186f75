package dev.bookshop.adapters.web.order;

import dev.bookshop.adapters.web.Access;
import dev.bookshop.adapters.web.WebSettings.RateLimit;
import dev.bookshop.adapters.web.http.PageView;
import dev.bookshop.adapters.web.http.PathIds;
import dev.bookshop.adapters.web.http.QueryParams;
import dev.bookshop.adapters.web.http.Violations;
import dev.bookshop.adapters.web.security.Authenticator;
import dev.bookshop.adapters.web.security.RateLimiter;
import dev.bookshop.application.order.port.in.CheckoutResult;
import dev.bookshop.application.order.port.in.CheckoutUseCase;
import dev.bookshop.application.order.port.in.GetMyOrderUseCase;
import dev.bookshop.application.order.port.in.ListMyOrdersUseCase;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.order.OrderId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/** Checkout and the caller's own orders. */
public final class OrderRoutes {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private final CheckoutUseCase checkout;
    private final ListMyOrdersUseCase listMyOrders;
    private final GetMyOrderUseCase getMyOrder;

    private final RateLimiter limiter;
    private final RateLimit checkoutPerAccount;

    public OrderRoutes(
            CheckoutUseCase checkout,
            ListMyOrdersUseCase listMyOrders,
            GetMyOrderUseCase getMyOrder,
            RateLimiter limiter,
            RateLimit checkoutPerAccount) {
        this.checkout = checkout;
        this.listMyOrders = listMyOrders;
        this.getMyOrder = getMyOrder;
        this.limiter = limiter;
        this.checkoutPerAccount = checkoutPerAccount;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/checkout", this::checkout, Access.CUSTOMER);
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
        CheckoutResult result = checkout.checkout(caller.userId(), key);
        if (result.replayed()) {
            ctx.header(REPLAYED, "true");
        }
        // A replay answers exactly like the first call, 201 included, so a retrying client needs no special case.
        ctx.status(HttpStatus.CREATED).json(CheckoutView.of(result));
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
