package dev.bookshop.bootstrap.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.payments.fake.FakePaymentGateway;
import dev.bookshop.adapters.persistence.memory.InMemoryPersistence;
import dev.bookshop.application.account.port.out.PasswordHasher;
import dev.bookshop.application.account.port.out.TokenGenerator;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.shared.port.in.UseCases;
import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.application.shared.service.BookshopServices;
import dev.bookshop.application.shared.service.ShopSettings;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.PasswordHash;
import dev.bookshop.domain.user.UserId;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoCatalogueTest {

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
    void fillsAnEmptyShopWithRealSeriesAcrossCategoriesOnce() {
        int added = DemoCatalogue.seed(shop, admin);

        assertThat(added).isBetween(30, 60);
        assertThat(shop.listCategories().listCategories()).hasSizeGreaterThanOrEqualTo(5);
        ProductQuery harryPotter = new ProductQuery(
                Optional.of("harry potter"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                false,
                dev.bookshop.application.catalog.query.ProductSort.TITLE,
                PageRequest.of(1, 100));
        assertThat(shop.browseProducts().browse(harryPotter).items())
                .hasSize(7)
                .allSatisfy(book -> assertThat(book.categories()).isNotEmpty());
        assertThat(shop.getProduct().getProduct("the-hobbit").title()).isEqualTo("The Hobbit");

        assertThat(DemoCatalogue.seed(shop, admin)).isZero();
        assertThat(shop.browseProducts()
                        .browse(ProductQuery.all().withPage(PageRequest.of(1, 100)))
                        .total())
                .isEqualTo(added);
    }

    @Test
    void everyDemoBookIsValid() {
        assertThat(DemoCatalogue.read()).allSatisfy(book -> {
            assertThat(book.priceCents()).isPositive();
            assertThat(book.stock()).isPositive();
            assertThat(book.categories()).isNotEmpty();
        });
        assertThat(DemoCatalogue.read())
                .extracting(DemoCatalogue.DemoBook::title)
                .doesNotHaveDuplicates();
    }
}
