package dev.bookshop.adapters.web.shipping;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshop.adapters.web.Access;
import dev.bookshop.adapters.web.http.JsonBody;
import dev.bookshop.adapters.web.http.PathIds;
import dev.bookshop.adapters.web.http.QueryParams;
import dev.bookshop.adapters.web.http.Violations;
import dev.bookshop.adapters.web.security.Authenticator;
import dev.bookshop.application.shipping.port.in.AdminShippingUseCase;
import dev.bookshop.application.shipping.port.in.AdminTaxRatesUseCase;
import dev.bookshop.application.shipping.port.in.ListShippingMethodsUseCase;
import dev.bookshop.application.shipping.port.in.NewShippingMethod;
import dev.bookshop.application.shipping.port.in.ShippingMethodChanges;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Text;
import dev.bookshop.domain.shipping.ShippingMethod;
import dev.bookshop.domain.shipping.ShippingMethodId;
import dev.bookshop.domain.tax.TaxRate;
import dev.bookshop.domain.user.UserId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Shipping and tax: the methods a customer may choose for a country under {@code /api/v1/shipping-methods}, and the
 * admin's methods and VAT table under {@code /api/v1/admin}. The route guard lets only ADMIN tokens into the admin
 * routes; the use cases check the account's live role again.
 */
public final class ShippingRoutes {

    private final AdminShippingUseCase adminShipping;
    private final ListShippingMethodsUseCase listShippingMethods;
    private final AdminTaxRatesUseCase adminTaxRates;
    private final ObjectMapper json;

    public ShippingRoutes(
            AdminShippingUseCase adminShipping,
            ListShippingMethodsUseCase listShippingMethods,
            AdminTaxRatesUseCase adminTaxRates,
            ObjectMapper json) {
        this.adminShipping = adminShipping;
        this.listShippingMethods = listShippingMethods;
        this.adminTaxRates = adminTaxRates;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/shipping-methods", this::methodsForCountry, Access.PUBLIC);
        routes.get("/api/v1/admin/shipping-methods", this::listMethods, Access.ADMIN);
        routes.post("/api/v1/admin/shipping-methods", this::createMethod, Access.ADMIN);
        routes.patch("/api/v1/admin/shipping-methods/{id}", this::updateMethod, Access.ADMIN);
        routes.get("/api/v1/admin/tax-rates", this::listTaxRates, Access.ADMIN);
        routes.put("/api/v1/admin/tax-rates/{country}", this::setTaxRate, Access.ADMIN);
    }

    private void methodsForCountry(Context ctx) {
        Violations violations = new Violations();
        CountryCode country = violations.field(
                "country",
                () -> CountryCode.parse(new QueryParams(ctx)
                        .text("country")
                        .orElseThrow(() -> new InvalidValueException("country is required, e.g. ?country=DE"))));
        violations.throwIfAny();
        ctx.json(listShippingMethods.shippingMethodsFor(country).stream()
                .map(ShippingMethodView::forShop)
                .toList());
    }

    private void listMethods(Context ctx) {
        ctx.json(adminShipping.listShippingMethods(actor(ctx)).stream()
                .map(ShippingMethodView::forAdmin)
                .toList());
    }

    private void createMethod(Context ctx) {
        UserId actor = actor(ctx);
        JsonBody body = JsonBody.read(ctx, json);
        Violations violations = new Violations();
        String name = violations.field("name", () -> name(body.text("name").orElse(null)));
        Set<CountryCode> countries = violations.field(
                "countries",
                () -> countries(
                        body.texts("countries").orElseThrow(() -> new InvalidValueException("countries is required"))));
        Money price = violations.field("priceCents", () -> Money.ofCents(body.requiredWhole("priceCents")));
        Optional<Money> freeOver = violations.field(
                "freeOverCents", () -> body.whole("freeOverCents").map(Money::ofCents));
        boolean active = body.bool("active").orElse(true);
        violations.throwIfAny();
        ShippingMethod created = adminShipping.createShippingMethod(
                actor, new NewShippingMethod(name, countries, price, freeOver, active));
        ctx.status(HttpStatus.CREATED).json(ShippingMethodView.forAdmin(created));
    }

    /** Absent fields stay as they are; {@code "freeOverCents": null} removes the threshold (never free). */
    private void updateMethod(Context ctx) {
        UserId actor = actor(ctx);
        ShippingMethodId id = ShippingMethodId.of(PathIds.uuid(ctx, "id"));
        JsonBody body = JsonBody.read(ctx, json);
        Violations violations = new Violations();
        Optional<String> name = violations.field("name", () -> body.text("name").map(ShippingRoutes::name));
        Optional<Set<CountryCode>> countries =
                violations.field("countries", () -> body.texts("countries").map(ShippingRoutes::countries));
        Optional<Money> price =
                violations.field("priceCents", () -> body.whole("priceCents").map(Money::ofCents));
        Optional<Optional<Money>> freeOver = violations.field(
                "freeOverCents",
                () -> body.isNull("freeOverCents")
                        ? Optional.of(Optional.<Money>empty())
                        : body.whole("freeOverCents").map(cents -> Optional.of(Money.ofCents(cents))));
        Optional<Boolean> active = body.bool("active");
        violations.throwIfAny();
        ShippingMethod updated = adminShipping.updateShippingMethod(
                actor, id, new ShippingMethodChanges(name, countries, price, freeOver, active));
        ctx.json(ShippingMethodView.forAdmin(updated));
    }

    private void listTaxRates(Context ctx) {
        ctx.json(adminTaxRates.listTaxRates(actor(ctx)).stream()
                .map(TaxRateView::of)
                .toList());
    }

    private void setTaxRate(Context ctx) {
        UserId actor = actor(ctx);
        Violations violations = new Violations();
        CountryCode country = violations.field("country", () -> CountryCode.parse(ctx.pathParam("country")));
        JsonBody body = JsonBody.read(ctx, json);
        TaxRate rate = violations.field(
                "rateBasisPoints", () -> TaxRate.ofBasisPoints(body.requiredInteger("rateBasisPoints")));
        violations.throwIfAny();
        ctx.json(TaxRateView.of(adminTaxRates.setTaxRate(actor, country, rate)));
    }

    private static String name(String raw) {
        return Text.required(raw, "name", ShippingMethod.MAX_NAME_LENGTH);
    }

    private static Set<CountryCode> countries(List<String> codes) {
        if (codes.isEmpty()) {
            throw new InvalidValueException("countries", "countries must name at least one country");
        }
        Set<CountryCode> parsed = new LinkedHashSet<>();
        for (String code : codes) {
            parsed.add(CountryCode.parse(code));
        }
        return parsed;
    }

    private static UserId actor(Context ctx) {
        return Authenticator.caller(ctx).userId();
    }
}
