package dev.bookshop.adapters.persistence.contract.usecases.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.persistence.contract.usecases.UseCaseTestBase;
import dev.bookshop.application.shipping.port.in.NewShippingMethod;
import dev.bookshop.application.shipping.port.in.ShippingMethodChanges;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.shipping.ShippingMethod;
import dev.bookshop.domain.shipping.ShippingMethodId;
import dev.bookshop.domain.tax.CountryTaxRate;
import dev.bookshop.domain.tax.TaxRate;
import dev.bookshop.domain.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Shipping methods and VAT rates: the admin's catalogue of them, and what a customer is offered for a country. */
public abstract class ShippingUseCases extends UseCaseTestBase {

    private static final CountryCode DE = new CountryCode("DE");
    private static final CountryCode AT = new CountryCode("AT");
    private static final CountryCode FR = new CountryCode("FR");
    private static final CountryCode NL = new CountryCode("NL");

    private ShippingMethod create(String name, long priceCents, Set<CountryCode> countries) {
        return shop.adminShipping()
                .createShippingMethod(
                        admin.id(),
                        new NewShippingMethod(name, countries, Money.ofCents(priceCents), Optional.empty(), true));
    }

    @Test
    void anAdminCreatesAMethodAndItIsListedAndOffered() {
        ShippingMethod standard = shop.adminShipping()
                .createShippingMethod(
                        admin.id(),
                        new NewShippingMethod(
                                " Standard ",
                                Set.of(DE, AT),
                                Money.ofCents(490),
                                Optional.of(Money.ofCents(5000)),
                                true));

        assertThat(standard.name()).isEqualTo("Standard");
        assertThat(standard.active()).isTrue();
        assertThat(shop.adminShipping().listShippingMethods(admin.id())).containsExactly(standard);
        assertThat(shop.listShippingMethods().shippingMethodsFor(DE)).containsExactly(standard);
        assertThat(shop.listShippingMethods().shippingMethodsFor(FR)).isEmpty();
        assertThat(store.transactions()
                        .inTransaction(() -> store.shippingMethods().anyActive()))
                .isTrue();
    }

    @Test
    void customersAreOfferedTheActiveMethodsForTheirCountryCheapestFirst() {
        ShippingMethod express = create("Express", 1290, Set.of(DE, AT, NL));
        ShippingMethod standard = create("Standard", 490, Set.of(DE, FR));
        ShippingMethod retired = create("Retired", 100, Set.of(DE));
        shop.adminShipping()
                .updateShippingMethod(
                        admin.id(),
                        retired.id(),
                        new ShippingMethodChanges(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(false)));

        assertThat(shop.listShippingMethods().shippingMethodsFor(DE)).containsExactly(standard, express);
        assertThat(shop.listShippingMethods().shippingMethodsFor(NL)).containsExactly(express);
        assertThat(shop.adminShipping().listShippingMethods(admin.id()))
                .extracting(ShippingMethod::name)
                .containsExactly("Express", "Retired", "Standard");
    }

    @Test
    void anAdminChangesOnlyTheGivenFieldsAndCanClearTheThreshold() {
        ShippingMethod standard = shop.adminShipping()
                .createShippingMethod(
                        admin.id(),
                        new NewShippingMethod(
                                "Standard", Set.of(DE), Money.ofCents(490), Optional.of(Money.ofCents(5000)), true));

        ShippingMethod changed = shop.adminShipping()
                .updateShippingMethod(
                        admin.id(),
                        standard.id(),
                        new ShippingMethodChanges(
                                Optional.of("Standard EU"),
                                Optional.of(Set.of(FR, NL)),
                                Optional.empty(),
                                Optional.of(Optional.empty()),
                                Optional.empty()));

        assertThat(changed.name()).isEqualTo("Standard EU");
        assertThat(changed.countries()).containsExactly(FR, NL);
        assertThat(changed.price()).isEqualTo(Money.ofCents(490));
        assertThat(changed.freeOver()).isEmpty();
        assertThat(changed.active()).isTrue();
        assertThat(store.transactions()
                        .inTransaction(() -> store.shippingMethods().findById(standard.id())))
                .contains(changed);
    }

    @Test
    void changingAnUnknownMethodIsRefused() {
        assertRefused(
                () -> shop.adminShipping()
                        .updateShippingMethod(
                                admin.id(), ShippingMethodId.of(UUID.randomUUID()), ShippingMethodChanges.none()),
                ErrorCode.SHIPPING_METHOD_NOT_FOUND);
    }

    @Test
    void aMethodCannotBeLeftServingNoCountry() {
        ShippingMethod standard = create("Standard", 490, Set.of(DE));

        assertRefused(
                () -> shop.adminShipping()
                        .updateShippingMethod(
                                admin.id(),
                                standard.id(),
                                new ShippingMethodChanges(
                                        Optional.empty(),
                                        Optional.of(Set.of()),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty())),
                ErrorCode.VALIDATION_FAILED);
        assertRefused(() -> create("Nowhere", 490, Set.of()), ErrorCode.VALIDATION_FAILED);
        assertThat(shop.listShippingMethods().shippingMethodsFor(DE)).containsExactly(standard);
    }

    @Test
    void aShopWithoutActiveMethodsSellsWithoutShipping() {
        assertThat(store.transactions()
                        .inTransaction(() -> store.shippingMethods().anyActive()))
                .isFalse();
        ShippingMethod only = create("Standard", 490, Set.of(DE));
        shop.adminShipping()
                .updateShippingMethod(
                        admin.id(),
                        only.id(),
                        new ShippingMethodChanges(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(false)));

        assertThat(store.transactions()
                        .inTransaction(() -> store.shippingMethods().anyActive()))
                .isFalse();
    }

    @Test
    void concurrentEditsOfDifferentFieldsBothLand() throws Exception {
        ShippingMethod standard = create("Standard", 490, Set.of(DE));
        List<Callable<ShippingMethod>> edits = new ArrayList<>();
        edits.add(() -> shop.adminShipping()
                .updateShippingMethod(
                        admin.id(),
                        standard.id(),
                        new ShippingMethodChanges(
                                Optional.of("Renamed"),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())));
        edits.add(() -> shop.adminShipping()
                .updateShippingMethod(
                        admin.id(),
                        standard.id(),
                        new ShippingMethodChanges(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Money.ofCents(990)),
                                Optional.empty(),
                                Optional.empty())));

        race(edits);

        ShippingMethod stored = store.transactions()
                .inTransaction(() -> store.shippingMethods().findById(standard.id()))
                .orElseThrow();
        assertThat(stored.name()).isEqualTo("Renamed");
        assertThat(stored.price()).isEqualTo(Money.ofCents(990));
    }

    @Test
    void onlyAnAdminRunsShippingAndTax() {
        User customer = customer();

        assertRefused(() -> shop.adminShipping().listShippingMethods(customer.id()), ErrorCode.NOT_ADMIN);
        assertRefused(
                () -> shop.adminShipping()
                        .createShippingMethod(
                                customer.id(),
                                new NewShippingMethod("Sneaky", Set.of(DE), Money.ZERO, Optional.empty(), true)),
                ErrorCode.NOT_ADMIN);
        assertRefused(
                () -> shop.adminShipping()
                        .updateShippingMethod(
                                customer.id(), ShippingMethodId.of(UUID.randomUUID()), ShippingMethodChanges.none()),
                ErrorCode.NOT_ADMIN);
        assertRefused(() -> shop.adminTaxRates().listTaxRates(customer.id()), ErrorCode.NOT_ADMIN);
        assertRefused(() -> shop.adminTaxRates().setTaxRate(customer.id(), DE, TaxRate.ZERO), ErrorCode.NOT_ADMIN);
        assertThat(shop.adminShipping().listShippingMethods(admin.id())).isEmpty();
    }

    @Test
    void anAdminSetsAndReplacesTaxRatesAndTheRestAreZero() {
        shop.adminTaxRates().setTaxRate(admin.id(), DE, TaxRate.ofBasisPoints(1900));
        CountryTaxRate germany = shop.adminTaxRates().setTaxRate(admin.id(), DE, TaxRate.ofBasisPoints(700));
        CountryTaxRate austria = shop.adminTaxRates().setTaxRate(admin.id(), AT, TaxRate.ofBasisPoints(1000));

        assertThat(germany).isEqualTo(new CountryTaxRate(DE, TaxRate.ofBasisPoints(700)));
        assertThat(shop.adminTaxRates().listTaxRates(admin.id())).containsExactly(austria, germany);
        assertThat(store.transactions().inTransaction(() -> store.taxRates().rateFor(DE)))
                .isEqualTo(TaxRate.ofBasisPoints(700));
        assertThat(store.transactions().inTransaction(() -> store.taxRates().rateFor(FR)))
                .isEqualTo(TaxRate.ZERO);
    }
}
