package dev.bookshop.domain.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.common.Money;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShippingChoiceTest {

    private static final PostalAddress BERLIN =
            PostalAddress.of("Ann Reader", "Hauptstraße 1", null, "Berlin", "10115", null, "DE", null);
    private static final PostalAddress PARIS =
            PostalAddress.of("Bea Reader", "1 rue de Rivoli", null, "Paris", "75001", null, "FR", null);
    private static final ShippingMethod STANDARD = ShippingMethod.create(
            ShippingMethodId.of(UUID.randomUUID()),
            "Standard",
            Set.of(new CountryCode("DE"), new CountryCode("AT")),
            Money.ofCents(490),
            Optional.of(Money.ofCents(5000)));

    @Test
    void aShopThatShipsNeedsAnAddressThenAMethod() {
        assertThatThrownBy(() -> ShippingChoice.choose(true, Optional.empty(), Optional.of(STANDARD)))
                .isInstanceOf(ShippingAddressRequiredException.class)
                .extracting(e -> ((ShippingAddressRequiredException) e).code())
                .isEqualTo(ErrorCode.SHIPPING_ADDRESS_REQUIRED);
        assertThatThrownBy(() -> ShippingChoice.choose(true, Optional.empty(), Optional.empty()))
                .as("the address is asked for first")
                .isInstanceOf(ShippingAddressRequiredException.class);
        assertThatThrownBy(() -> ShippingChoice.choose(true, Optional.of(BERLIN), Optional.empty()))
                .isInstanceOf(ShippingMethodRequiredException.class)
                .extracting(e -> ((ShippingMethodRequiredException) e).code())
                .isEqualTo(ErrorCode.SHIPPING_METHOD_REQUIRED);
    }

    @Test
    void theMethodMustServeTheCountryAndStillBeOffered() {
        assertThatThrownBy(() -> ShippingChoice.choose(true, Optional.of(PARIS), Optional.of(STANDARD)))
                .isInstanceOfSatisfying(ShippingUnavailableException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SHIPPING_UNAVAILABLE);
                    assertThat(e.methodId()).isEqualTo(STANDARD.id());
                    assertThat(e.country()).contains(new CountryCode("FR"));
                });
        assertThatThrownBy(
                        () -> ShippingChoice.choose(true, Optional.of(BERLIN), Optional.of(STANDARD.activated(false))))
                .isInstanceOf(ShippingUnavailableException.class);
    }

    @Test
    void aValidChoiceGoesToTheAddressCountryAndCostsTheMethodsPrice() {
        ShippingChoice choice = ShippingChoice.choose(true, Optional.of(BERLIN), Optional.of(STANDARD));

        assertThat(choice.destination()).contains(new CountryCode("DE"));
        assertThat(choice.priceFor(Money.ofCents(4999))).isEqualTo(Money.ofCents(490));
        assertThat(choice.priceFor(Money.ofCents(5000))).isEqualTo(Money.ZERO);
    }

    @Test
    void aShopWithoutShippingSellsWithOrWithoutAnAddress() {
        assertThat(ShippingChoice.choose(false, Optional.empty(), Optional.empty()))
                .isEqualTo(ShippingChoice.NONE);
        assertThat(ShippingChoice.NONE.destination()).isEmpty();
        assertThat(ShippingChoice.NONE.priceFor(Money.ofCents(100))).isEqualTo(Money.ZERO);

        ShippingChoice addressed = ShippingChoice.choose(false, Optional.of(BERLIN), Optional.empty());
        assertThat(addressed.destination()).contains(new CountryCode("DE"));
        assertThat(addressed.priceFor(Money.ofCents(100))).isEqualTo(Money.ZERO);
        assertThatThrownBy(() -> ShippingChoice.choose(false, Optional.empty(), Optional.of(STANDARD)))
                .as("a method needs an address to go to even when the shop does not ship otherwise")
                .isInstanceOf(ShippingAddressRequiredException.class);
        assertThatThrownBy(
                        () -> ShippingChoice.choose(false, Optional.of(BERLIN), Optional.of(STANDARD.activated(false))))
                .isInstanceOf(ShippingUnavailableException.class);
    }
}
