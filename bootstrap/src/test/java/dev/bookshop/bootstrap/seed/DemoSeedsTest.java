package dev.bookshop.bootstrap.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bookshop.adapters.payments.fake.FakePaymentGateway;
import dev.bookshop.adapters.persistence.memory.InMemoryPersistence;
import dev.bookshop.application.account.port.out.PasswordHasher;
import dev.bookshop.application.account.port.out.TokenGenerator;
import dev.bookshop.application.discount.port.in.DiscountDefinition;
import dev.bookshop.application.shared.port.in.UseCases;
import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.application.shared.service.BookshopServices;
import dev.bookshop.application.shared.service.ShopSettings;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.discount.DiscountCode;
import dev.bookshop.domain.shipping.ShippingMethod;
import dev.bookshop.domain.tax.TaxRate;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.PasswordHash;
import dev.bookshop.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The demo shop's shipping, VAT rates and discount code: seeded once, never over what the admin changed. */
class DemoSeedsTest {

    private static final PasswordHasher PLAIN = new PasswordHasher() {
        @Override
        public PasswordHash hash(Password password) {
            return new PasswordHash("plain$" + password.reveal().length());
        }

        @Override
        public boolean matches(Password password, PasswordHash hash) {
            return hash(password).equals(hash);
        }
    };

    private final UseCases shop = BookshopServices.create(
            InMemoryPersistence.create(),
            PLAIN,
            new FakePaymentGateway(),
            (to, subject, text, html) -> {},
            Clock.systemUTC(),
            IdGenerator.random(),
            TokenGenerator.secureRandom(),
            ShopSettings.defaults());
    private final UserId admin = shop.ensureAdmin()
            .ensureAdmin(Email.of("admin@bookshop.test"), Password.chosen("admin password"))
            .id();

    @Test
    void seedsStandardAndExpressAndTheBookRatesOnce() {
        assertThat(DemoShipping.seed(shop, admin)).isEqualTo(new DemoShipping.Seeded(2, 8));

        assertThat(shop.listShippingMethods().shippingMethodsFor(new CountryCode("DE")))
                .extracting(ShippingMethod::name, ShippingMethod::price)
                .containsExactly(tuple("Standard", Money.ofCents(490)), tuple("Express", Money.ofCents(1290)));
        assertThat(shop.listShippingMethods().shippingMethodsFor(new CountryCode("FR")))
                .singleElement()
                .satisfies(standard ->
                        assertThat(standard.priceFor(Money.ofCents(5000))).isEqualTo(Money.ZERO));
        assertThat(shop.adminTaxRates().listTaxRates(admin))
                .extracting(r -> r.country().value() + "=" + r.rate().basisPoints())
                .containsExactly("AT=1000", "BE=600", "DE=700", "ES=400", "FR=550", "IE=0", "IT=400", "NL=900");

        assertThat(DemoShipping.seed(shop, admin)).isEqualTo(new DemoShipping.Seeded(0, 0));
        assertThat(shop.adminShipping().listShippingMethods(admin)).hasSize(2);
    }

    @Test
    void aRestartKeepsWhatTheAdminChanged() {
        DemoShipping.seed(shop, admin);
        shop.adminTaxRates().setTaxRate(admin, new CountryCode("DE"), TaxRate.ofBasisPoints(1900));

        DemoShipping.seed(shop, admin);

        assertThat(shop.adminTaxRates().listTaxRates(admin))
                .filteredOn(r -> r.country().value().equals("DE"))
                .singleElement()
                .satisfies(r -> assertThat(r.rate()).isEqualTo(TaxRate.ofBasisPoints(1900)));
    }

    @Test
    void seedsOneWelcomeCodeOfTenPercentOncePerCustomer() {
        assertThat(DemoDiscounts.seed(shop, admin)).isTrue();

        assertThat(shop.adminDiscounts().listDiscounts(admin)).singleElement().satisfies(code -> {
            assertThat(code.code()).isEqualTo("WELCOME10");
            assertThat(code.amountOff(Money.ofCents(2000), Instant.now(), Optional.of(0)))
                    .isEqualTo(Money.ofCents(200));
            assertThat(code.refusal(Money.ofCents(2000), Instant.now(), Optional.of(1)))
                    .contains(DiscountCode.USED_UP_FOR_CUSTOMER);
        });
        assertThat(DemoDiscounts.seed(shop, admin)).isFalse();
        assertThat(shop.adminDiscounts().listDiscounts(admin)).hasSize(1);
    }

    @Test
    void aRestartDoesNotBringBackACodeTheAdminTurnedOff() {
        DemoDiscounts.seed(shop, admin);
        DiscountCode welcome = shop.adminDiscounts().listDiscounts(admin).get(0);
        DiscountDefinition off = new DiscountDefinition(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(false));
        shop.adminDiscounts().updateDiscount(admin, welcome.id(), off);

        assertThat(DemoDiscounts.seed(shop, admin)).isFalse();

        assertThat(shop.adminDiscounts().listDiscounts(admin))
                .singleElement()
                .satisfies(code -> assertThat(code.terms().active()).isFalse());
    }
}
