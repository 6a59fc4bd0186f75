package dev.bookshop.adapters.web.shipping;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.shipping.ShippingMethod;
import java.util.List;

/**
 * A shipping method: {@code freeOverCents} only when shipping can be free, {@code active} only in the admin's view
 * (customers are shown active methods alone).
 */
public record ShippingMethodView(
        String id,
        String name,
        long priceCents,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long freeOverCents,
        List<String> countries,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean active) {

    public static ShippingMethodView forShop(ShippingMethod method) {
        return of(method, null);
    }

    public static ShippingMethodView forAdmin(ShippingMethod method) {
        return of(method, method.active());
    }

    private static ShippingMethodView of(ShippingMethod method, Boolean active) {
        return new ShippingMethodView(
                method.id().toString(),
                method.name(),
                method.price().cents(),
                method.freeOver().map(Money::cents).orElse(null),
                method.countries().stream().map(CountryCode::value).toList(),
                active);
    }
}
