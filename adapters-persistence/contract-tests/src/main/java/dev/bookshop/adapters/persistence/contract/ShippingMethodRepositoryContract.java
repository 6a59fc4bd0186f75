package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.shipping.ShippingMethod;
import dev.bookshop.domain.shipping.ShippingMethodId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every adapter's {@code ShippingMethodRepository} must do. */
public abstract class ShippingMethodRepositoryContract extends PersistenceContract {

    private static final CountryCode DE = new CountryCode("DE");
    private static final CountryCode AT = new CountryCode("AT");
    private static final CountryCode NL = new CountryCode("NL");
    private static final CountryCode FR = new CountryCode("FR");

    private static ShippingMethod method(String name, long priceCents, Set<CountryCode> countries) {
        return ShippingMethod.create(
                ShippingMethodId.of(UUID.randomUUID()), name, countries, Money.ofCents(priceCents), Optional.empty());
    }

    private ShippingMethod given(ShippingMethod method) {
        inTx(() -> ports.shippingMethods().insert(method));
        return method;
    }

    private Optional<ShippingMethod> reread(ShippingMethodId id) {
        return inTx(() -> ports.shippingMethods().findById(id));
    }

    @Test
    void roundTripsEveryField() {
        ShippingMethod standard = given(ShippingMethod.create(
                ShippingMethodId.of(UUID.randomUUID()),
                "Standard",
                Set.of(NL, DE, AT),
                Money.ofCents(490),
                Optional.of(Money.ofCents(5000))));
        ShippingMethod inactive = given(method("Pigeon", 0, Set.of(FR)).activated(false));

        assertThat(reread(standard.id())).contains(standard);
        assertThat(reread(standard.id()).orElseThrow().countries()).containsExactly(AT, DE, NL);
        assertThat(reread(inactive.id())).contains(inactive);
        assertThat(reread(ShippingMethodId.of(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void updateReplacesTheStoredMethodAndClearsAThreshold() {
        ShippingMethod standard = given(method("Standard", 490, Set.of(DE)).freeFrom(Optional.of(Money.ofCents(5000))));
        ShippingMethod changed = standard.rename("Standard plus")
                .serving(Set.of(FR, NL))
                .priced(Money.ofCents(590))
                .freeFrom(Optional.empty())
                .activated(false);

        assertThat(inTx(() -> ports.shippingMethods().update(changed))).isTrue();

        assertThat(reread(standard.id())).contains(changed);
    }

    @Test
    void updateOfAnUnknownMethodWritesNothing() {
        ShippingMethod never = method("Never stored", 100, Set.of(DE));

        assertThat(inTx(() -> ports.shippingMethods().update(never))).isFalse();
        assertThat(reread(never.id())).isEmpty();
    }

    @Test
    void findAllListsEveryMethodByName() {
        ShippingMethod b = given(method("Express", 1290, Set.of(DE)));
        ShippingMethod a = given(method("Collect", 0, Set.of(DE)).activated(false));
        ShippingMethod c = given(method("Standard", 490, Set.of(FR)));

        assertThat(inTx(() -> ports.shippingMethods().findAll())).containsExactly(a, b, c);
    }

    @Test
    void findActiveServingAnswersActiveMethodsForTheCountryCheapestFirst() {
        ShippingMethod express = given(method("Express", 1290, Set.of(DE, AT)));
        ShippingMethod standard = given(method("Standard", 490, Set.of(DE, FR)));
        ShippingMethod alsoCheap = given(method("Courier", 490, Set.of(DE)));
        given(method("Retired", 100, Set.of(DE)).activated(false));
        given(method("France only", 300, Set.of(FR)));

        List<ShippingMethod> forGermany = inTx(() -> ports.shippingMethods().findActiveServing(DE));

        assertThat(forGermany).containsExactly(alsoCheap, standard, express);
        assertThat(inTx(() -> ports.shippingMethods().findActiveServing(NL))).isEmpty();
    }

    @Test
    void anyActiveTellsWhetherTheShopShipsAtAll() {
        assertThat(inTx(() -> ports.shippingMethods().anyActive())).isFalse();
        ShippingMethod retired = given(method("Retired", 100, Set.of(DE)).activated(false));
        assertThat(inTx(() -> ports.shippingMethods().anyActive())).isFalse();

        inTx(() -> ports.shippingMethods().update(retired.activated(true)));

        assertThat(inTx(() -> ports.shippingMethods().anyActive())).isTrue();
    }

    @Test
    void findByIdForUpdateSeesTheMethodInsideATransaction() {
        ShippingMethod standard = given(method("Standard", 490, Set.of(DE)));

        assertThat(inTx(() -> ports.shippingMethods().findByIdForUpdate(standard.id())))
                .contains(standard);
        assertThat(inTx(() -> ports.shippingMethods().findByIdForUpdate(ShippingMethodId.of(UUID.randomUUID()))))
                .isEmpty();
    }

    @Test
    void editsUnderTheLockNeverLoseEachOther() {
        ShippingMethod standard = given(method("Standard", 0, Set.of(DE)));
        int editors = 8;

        Concurrently.run(
                editors,
                () -> inTx(() -> {
                    ShippingMethod current = ports.shippingMethods()
                            .findByIdForUpdate(standard.id())
                            .orElseThrow();
                    return ports.shippingMethods()
                            .update(current.priced(current.price().plus(Money.ofCents(1))));
                }));

        assertThat(reread(standard.id()).orElseThrow().price()).isEqualTo(Money.ofCents(editors));
    }
}
