package dev.bookshop.adapters.web.cart;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshop.adapters.web.Access;
import dev.bookshop.adapters.web.http.JsonBody;
import dev.bookshop.adapters.web.http.PathIds;
import dev.bookshop.adapters.web.http.Violations;
import dev.bookshop.adapters.web.security.Authenticator;
import dev.bookshop.application.cart.port.in.AddToCartUseCase;
import dev.bookshop.application.cart.port.in.GetCartUseCase;
import dev.bookshop.application.cart.port.in.RemoveFromCartUseCase;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.Quantity;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/** The caller's one cart: {@code /api/v1/cart}. */
public final class CartRoutes {

    private final GetCartUseCase getCart;
    private final AddToCartUseCase addToCart;
    private final RemoveFromCartUseCase removeFromCart;
    private final ObjectMapper json;

    public CartRoutes(
            GetCartUseCase getCart,
            AddToCartUseCase addToCart,
            RemoveFromCartUseCase removeFromCart,
            ObjectMapper json) {
        this.getCart = getCart;
        this.addToCart = addToCart;
        this.removeFromCart = removeFromCart;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/cart", this::show, Access.CUSTOMER);
        routes.post("/api/v1/cart/add", this::add, Access.CUSTOMER);
        routes.post("/api/v1/cart/remove", this::remove, Access.CUSTOMER);
    }

    private void show(Context ctx) {
        ctx.json(CartView.of(getCart.getCart(Authenticator.caller(ctx).userId())));
    }

    private void add(Context ctx) {
        var caller = Authenticator.caller(ctx);
        JsonBody body = JsonBody.read(ctx, json);
        Violations violations = new Violations();
        ProductId productId = violations.field("productId", () -> productId(body));
        Quantity quantity = violations.field(
                "quantity", () -> Quantity.of(body.integer("quantity").orElse(1)));
        violations.throwIfAny();
        ctx.json(CartView.of(addToCart.addToCart(caller.userId(), productId, quantity)));
    }

    private void remove(Context ctx) {
        var caller = Authenticator.caller(ctx);
        JsonBody body = JsonBody.read(ctx, json);
        Violations violations = new Violations();
        ProductId productId = violations.field("productId", () -> productId(body));
        Optional<Quantity> quantity =
                violations.field("quantity", () -> body.integer("quantity").map(Quantity::of));
        violations.throwIfAny();
        ctx.json(CartView.of(removeFromCart.removeFromCart(caller.userId(), productId, quantity)));
    }

    private static ProductId productId(JsonBody body) {
        return ProductId.of(PathIds.parse(body.requiredText("productId")));
    }
}
