package dev.bookshop.adapters.web.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshop.adapters.web.Access;
import dev.bookshop.adapters.web.auth.UserView;
import dev.bookshop.adapters.web.catalog.CategoryView;
import dev.bookshop.adapters.web.catalog.ProductFilters;
import dev.bookshop.adapters.web.catalog.ProductView;
import dev.bookshop.adapters.web.http.JsonBody;
import dev.bookshop.adapters.web.http.PageView;
import dev.bookshop.adapters.web.http.PathIds;
import dev.bookshop.adapters.web.http.QueryParams;
import dev.bookshop.adapters.web.http.Violations;
import dev.bookshop.adapters.web.security.Authenticator;
import dev.bookshop.application.account.port.in.AdminUsersUseCase;
import dev.bookshop.application.catalog.port.in.AdminCatalogUseCase;
import dev.bookshop.application.order.port.in.AdminOrdersUseCase;
import dev.bookshop.application.order.query.OrderQuery;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Text;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.UserId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.Currency;
import java.util.Optional;

/**
 * Running the shop: catalogue, categories, orders and users under {@code /api/v1/admin}. The route guard lets only
 * ADMIN tokens in; the use cases check the account's live role again.
 */
public final class AdminRoutes {

    private final AdminCatalogUseCase adminCatalog;
    private final AdminOrdersUseCase adminOrders;
    private final AdminUsersUseCase adminUsers;
    private final ObjectMapper json;
    private final Currency currency;

    public AdminRoutes(
            AdminCatalogUseCase adminCatalog,
            AdminOrdersUseCase adminOrders,
            AdminUsersUseCase adminUsers,
            ObjectMapper json,
            Currency currency) {
        this.adminCatalog = adminCatalog;
        this.adminOrders = adminOrders;
        this.adminUsers = adminUsers;
        this.json = json;
        this.currency = currency;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/admin/products", this::listProducts, Access.ADMIN);
        routes.post("/api/v1/admin/products", this::createProduct, Access.ADMIN);
        routes.patch("/api/v1/admin/products/{id}", this::updateProduct, Access.ADMIN);
        routes.patch("/api/v1/admin/products/{id}/stock", this::changeStock, Access.ADMIN);
        routes.delete("/api/v1/admin/products/{id}", this::deactivateProduct, Access.ADMIN);
        routes.post("/api/v1/admin/categories", this::createCategory, Access.ADMIN);
        routes.get("/api/v1/admin/orders", this::listOrders, Access.ADMIN);
        routes.get("/api/v1/admin/users", this::listUsers, Access.ADMIN);
        routes.patch("/api/v1/admin/users/{id}", this::updateUser, Access.ADMIN);
    }

    private void listProducts(Context ctx) {
        var query = ProductFilters.read(ctx).withInactive(true);
        var page = adminCatalog.listProducts(actor(ctx), query);
        ctx.json(PageView.of(page, p -> ProductView.forAdmin(p, currency)));
    }

    private void createProduct(Context ctx) {
        UserId actor = actor(ctx);
        var request = ProductForms.newProduct(JsonBody.read(ctx, json));
        Product created = adminCatalog.createProduct(actor, request);
        ctx.header(EntityTags.ETAG, EntityTags.of(created));
        ctx.status(HttpStatus.CREATED).json(ProductView.forAdmin(created, currency));
    }

    /** {@code If-Match} is checked by the use case under the book's lock, so no edit can land between check and write. */
    private void updateProduct(Context ctx) {
        UserId actor = actor(ctx);
        ProductId productId = productId(ctx);
        var expected = EntityTags.ifMatch(ctx.header(EntityTags.IF_MATCH));
        var changes = ProductForms.changes(JsonBody.read(ctx, json));
        Product updated = adminCatalog.updateProduct(actor, productId, changes, expected);
        ctx.header(EntityTags.ETAG, EntityTags.of(updated));
        ctx.json(ProductView.forAdmin(updated, currency));
    }

    private void changeStock(Context ctx) {
        UserId actor = actor(ctx);
        ProductId productId = productId(ctx);
        var change = ProductForms.stockChange(JsonBody.read(ctx, json));
        ctx.json(StockView.of(productId, adminCatalog.changeStock(actor, productId, change)));
    }

    private void deactivateProduct(Context ctx) {
        UserId actor = actor(ctx);
        adminCatalog.deactivateProduct(actor, productId(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void createCategory(Context ctx) {
        UserId actor = actor(ctx);
        JsonBody body = JsonBody.read(ctx, json);
        Violations violations = new Violations();
        String name = violations.field(
                "name", () -> Text.required(body.text("name").orElse(null), "name", Category.MAX_NAME_LENGTH));
        violations.throwIfAny();
        ctx.status(HttpStatus.CREATED).json(CategoryView.of(adminCatalog.createCategory(actor, name)));
    }

    private void listOrders(Context ctx) {
        UserId actor = actor(ctx);
        QueryParams query = new QueryParams(ctx);
        Violations violations = new Violations();
        Optional<OrderStatus> status =
                violations.field("status", () -> query.text("status").map(AdminRoutes::status));
        Optional<UserId> userId = violations.field(
                "userId", () -> query.text("userId").map(PathIds::parse).map(UserId::of));
        PageRequest page = query.page(violations);
        violations.throwIfAny();
        var orders = adminOrders.listOrders(actor, new OrderQuery(status, userId, page));
        ctx.json(PageView.of(orders, AdminOrderView::of));
    }

    private void listUsers(Context ctx) {
        UserId actor = actor(ctx);
        Violations violations = new Violations();
        PageRequest page = new QueryParams(ctx).page(violations);
        violations.throwIfAny();
        ctx.json(PageView.of(adminUsers.listUsers(actor, page), UserView::of));
    }

    private void updateUser(Context ctx) {
        UserId actor = actor(ctx);
        UserId target = UserId.of(PathIds.uuid(ctx, "id"));
        JsonBody body = JsonBody.read(ctx, json);
        Optional<Boolean> active = body.bool("active");
        Optional<Role> role = body.enumValue("role", Role.class);
        ctx.json(UserView.of(adminUsers.updateUser(actor, target, active, role)));
    }

    private static UserId actor(Context ctx) {
        return Authenticator.caller(ctx).userId();
    }

    private static ProductId productId(Context ctx) {
        return ProductId.of(PathIds.uuid(ctx, "id"));
    }

    private static OrderStatus status(String raw) {
        return Arrays.stream(OrderStatus.values())
                .filter(s -> s.name().equals(raw))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("must be one of PENDING, PAID, FAILED"));
    }
}
