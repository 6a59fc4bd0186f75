package dev.bookshop.bootstrap.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bookshop.adapters.payments.fake.FakePaymentGateway;
import dev.bookshop.adapters.persistence.memory.InMemoryPersistence;
import dev.bookshop.application.account.port.out.PasswordHasher;
import dev.bookshop.application.account.port.out.TokenGenerator;
import dev.bookshop.application.shared.port.in.UseCases;
import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.application.shared.service.BookshopServices;
import dev.bookshop.application.shared.service.ShopSettings;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.shipping.ShippingMethod;
import dev.bookshop.domain.tax.TaxRate;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.PasswordHash;
import dev.bookshop.domain.user.UserId;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class DemoShippingTest {

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
}
