package dev.bookshop.domain.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Money;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShippingMethodTest {

    private static final CountryCode DE = new CountryCode("DE");
    private static final CountryCode AT = new CountryCode("AT");
    private static final CountryCode FR = new CountryCode("FR");

    @Test
    void aNewMethodIsActiveAndServesItsCountriesInOrder() {
        ShippingMethod standard = standard();

        assertThat(standard.active()).isTrue();
        assertThat(standard.countries()).containsExactly(AT, DE);
        assertThat(standard.serves(DE)).isTrue();
        assertThat(standard.serves(FR)).isFalse();
    }

    @Test
    void shippingIsFreeOnceTheDiscountedSubtotalReachesTheThreshold() {
        ShippingMethod standard = standard();

        assertThat(standard.priceFor(Money.ofCents(4999))).isEqualTo(Money.ofCents(490));
        assertThat(standard.priceFor(Money.ofCents(5000))).isEqualTo(Money.ZERO);
        assertThat(standard.priceFor(Money.ofCents(9000))).isEqualTo(Money.ZERO);
    }

    @Test
    void withoutAThresholdShippingIsNeverFree() {
        ShippingMethod express = standard().freeFrom(Optional.empty());

        assertThat(express.priceFor(Money.ofCents(1_000_000))).isEqualTo(Money.ofCents(490));
    }

    @Test
    void changesKeepEverythingElse() {
        ShippingMethod changed = standard()
                .rename("  Express ")
                .serving(Set.of(FR))
                .priced(Money.ofCents(1290))
                .activated(false);

        assertThat(changed.name()).isEqualTo("Express");
        assertThat(changed.countries()).containsExactly(FR);
        assertThat(changed.price()).isEqualTo(Money.ofCents(1290));
        assertThat(changed.freeOver()).contains(Money.ofCents(5000));
        assertThat(changed.active()).isFalse();
        assertThat(changed.id()).isEqualTo(standard().id());
    }

    @Test
    void aMethodServesAtLeastOneCountry() {
        assertThatThrownBy(() -> standard().serving(Set.of()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).contains("countries"));
    }

    @Test
    void theNameIsRequiredAndBounded() {
        assertThatThrownBy(() -> standard().rename(" "))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).contains("name"));
        assertThatThrownBy(() -> standard().rename("x".repeat(ShippingMethod.MAX_NAME_LENGTH + 1)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void pricesAreBounded() {
        assertThatThrownBy(() -> standard().priced(Money.ofCents(ShippingMethod.MAX_PRICE_CENTS + 1)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).contains("priceCents"));
        assertThatThrownBy(() -> standard().freeFrom(Optional.of(Money.ofCents(ShippingMethod.MAX_PRICE_CENTS + 1))))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).contains("freeOverCents"));
    }

    @Test
    void theCountriesCannotBeChangedFromOutside() {
        assertThatThrownBy(() -> standard().countries().add(FR)).isInstanceOf(UnsupportedOperationException.class);
    }

    private static ShippingMethod standard() {
        return ShippingMethod.create(
                ShippingMethodId.of(new UUID(0, 1)),
                "Standard",
                Set.of(DE, AT),
                Money.ofCents(490),
                Optional.of(Money.ofCents(5000)));
    }
}
