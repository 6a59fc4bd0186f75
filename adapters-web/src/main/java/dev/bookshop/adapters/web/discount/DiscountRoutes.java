package dev.bookshop.adapters.web.discount;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshop.adapters.web.Access;
import dev.bookshop.adapters.web.http.JsonBody;
import dev.bookshop.adapters.web.http.PathIds;
import dev.bookshop.adapters.web.http.Violations;
import dev.bookshop.adapters.web.security.Authenticator;
import dev.bookshop.application.discount.port.in.AdminDiscountsUseCase;
import dev.bookshop.application.discount.port.in.DiscountDefinition;
import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.discount.DiscountCodeId;
import dev.bookshop.domain.user.UserId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The admin's discount codes under {@code /api/v1/admin/discounts}. The route guard lets only ADMIN tokens in; the
 * use cases check the account's live role again. The terms' own rules (value ranges, the window, the limits) are the
 * domain's; here the body is only read.
 */
public final class DiscountRoutes {

    private static final int MAX_LIMIT = 1_000_000_000;

    private final AdminDiscountsUseCase adminDiscounts;
    private final ObjectMapper json;

    public DiscountRoutes(AdminDiscountsUseCase adminDiscounts, ObjectMapper json) {
        this.adminDiscounts = adminDiscounts;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/admin/discounts", this::list, Access.ADMIN);
        routes.post("/api/v1/admin/discounts", this::create, Access.ADMIN);
        routes.patch("/api/v1/admin/discounts/{id}", this::update, Access.ADMIN);
    }

    private void list(Context ctx) {
        ctx.json(adminDiscounts.listDiscounts(actor(ctx)).stream()
                .map(DiscountCodeView::of)
                .toList());
    }

    private void create(Context ctx) {
        UserId actor = actor(ctx);
        DiscountDefinition definition = definition(JsonBody.read(ctx, json));
        ctx.status(HttpStatus.CREATED).json(DiscountCodeView.of(adminDiscounts.createDiscount(actor, definition)));
    }

    /** Absent fields stay as they are; {@code null} removes an optional term (the minimum, the window, a limit). */
    private void update(Context ctx) {
        UserId actor = actor(ctx);
        DiscountCodeId id = DiscountCodeId.of(PathIds.uuid(ctx, "id"));
        DiscountDefinition changes = definition(JsonBody.read(ctx, json));
        ctx.json(DiscountCodeView.of(adminDiscounts.updateDiscount(actor, id, changes)));
    }

    private static DiscountDefinition definition(JsonBody body) {
        Violations violations = new Violations();
        Optional<String> code = violations.field("code", () -> body.text("code"));
        Optional<String> kind = violations.field("kind", () -> body.text("kind"));
        Optional<Long> value = violations.field("value", () -> body.whole("value"));
        Optional<Optional<Money>> minSubtotal = violations.field(
                "minSubtotalCents",
                () -> optional(
                        body,
                        "minSubtotalCents",
                        b -> b.whole("minSubtotalCents").map(cents -> {
                            if (cents < 0) {
                                throw new InvalidValueException("must not be negative");
                            }
                            return Money.ofCents(cents);
                        })));
        Optional<Optional<Instant>> startsAt =
                violations.field("startsAt", () -> optional(body, "startsAt", b -> instant(b, "startsAt")));
        Optional<Optional<Instant>> endsAt =
                violations.field("endsAt", () -> optional(body, "endsAt", b -> instant(b, "endsAt")));
        Optional<Optional<Integer>> maxRedemptions = violations.field(
                "maxRedemptions", () -> optional(body, "maxRedemptions", b -> limit(b, "maxRedemptions")));
        Optional<Optional<Integer>> maxPerCustomer = violations.field(
                "maxPerCustomer", () -> optional(body, "maxPerCustomer", b -> limit(b, "maxPerCustomer")));
        Optional<Boolean> active = violations.field("active", () -> body.bool("active"));
        violations.throwIfAny();
        return new DiscountDefinition(
                code, kind, value, minSubtotal, startsAt, endsAt, maxRedemptions, maxPerCustomer, active);
    }

    /** Absent: unchanged (empty); null: removed (an empty inner value); else the value. */
    private static <T> Optional<Optional<T>> optional(
            JsonBody body, String field, Function<JsonBody, Optional<T>> read) {
        if (body.isNull(field)) {
            return Optional.of(Optional.empty());
        }
        return read.apply(body).map(Optional::of);
    }

    private static Optional<Instant> instant(JsonBody body, String field) {
        return body.text(field).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidValueException("must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
            }
        });
    }

    private static Optional<Integer> limit(JsonBody body, String field) {
        return body.whole(field).map(n -> {
            if (n < 1 || n > MAX_LIMIT) {
                throw new InvalidValueException("must be from 1 to " + MAX_LIMIT);
            }
            return n.intValue();
        });
    }

    private static UserId actor(Context ctx) {
        return Authenticator.caller(ctx).userId();
    }
}
