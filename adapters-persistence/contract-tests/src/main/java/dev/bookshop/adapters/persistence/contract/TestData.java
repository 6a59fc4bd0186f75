package dev.bookshop.adapters.persistence.contract;

import dev.bookshop.application.mail.port.out.OutboxMail;
import dev.bookshop.domain.auth.RefreshToken;
import dev.bookshop.domain.auth.RefreshTokenId;
import dev.bookshop.domain.auth.TokenFamilyId;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.CategoryId;
import dev.bookshop.domain.catalog.Isbn;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.common.Slug;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.order.OrderItem;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.PasswordHash;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builders of test rows for the contract suites. Every id, email, slug and word is fresh and random, so suites can
 * share one database; every instant is cut to microseconds, the precision PostgreSQL keeps.
 */
public final class TestData {

    public static final Currency EUR = Currency.getInstance("EUR");

    private TestData() {}

    /** The current time, as precise as every store keeps it. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A fresh word of lower-case letters only, so that full-text parsers take it as one plain word. */
    public static String word() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder word = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    public static Email email() {
        return Email.of("reader-" + UUID.randomUUID() + "@example.com");
    }

    public static Slug slug() {
        return Slug.fromText("book " + word());
    }

    public static PasswordHash passwordHash() {
        return new PasswordHash("$2a$12$" + word() + word() + word());
    }

    public static User user() {
        return user(email(), Role.USER, true, now());
    }

    public static User admin() {
        return user(email(), Role.ADMIN, true, now());
    }

    public static User user(Email email, Role role, boolean active, Instant createdAt) {
        return User.rehydrate(UserId.of(UUID.randomUUID()), email, passwordHash(), role, active, createdAt, false);
    }

    public static Category category() {
        String name = "Shelf " + word();
        return new Category(CategoryId.of(UUID.randomUUID()), Slug.fromText(name), name);
    }

    public static ProductBuilder product() {
        return new ProductBuilder();
    }

    /** One order line that still points at its book. */
    public static OrderItem item(Product product, int quantity) {
        return new OrderItem(Optional.of(product.id()), product.title(), product.price(), Quantity.of(quantity));
    }

    /** One order line whose book is gone. */
    public static OrderItem orphanItem(String title, long unitPriceCents, int quantity) {
        return new OrderItem(Optional.empty(), title, Money.ofCents(unitPriceCents), Quantity.of(quantity));
    }

    /** A new, unpaid order in euros. */
    public static Order order(UserId userId, Instant createdAt, OrderItem... items) {
        return Order.place(OrderId.of(UUID.randomUUID()), userId, Arrays.asList(items), EUR, createdAt);
    }

    /** An order in any status; a paid one is paid a minute after it was placed. */
    public static Order order(UserId userId, OrderStatus status, Instant createdAt, OrderItem... items) {
        Order pending = order(userId, createdAt, items);
        return switch (status) {
            case PENDING -> pending;
            case PAID -> pending.withPaymentReference("pay_" + word()).markPaid(createdAt.plusSeconds(60));
            case FAILED -> pending.withPaymentReference("pay_" + word()).markFailed();
        };
    }

    public static RefreshToken refreshToken(UserId userId) {
        return RefreshToken.issue(
                RefreshTokenId.of(UUID.randomUUID()),
                userId,
                TokenFamilyId.of(UUID.randomUUID()),
                TokenHash.of(UUID.randomUUID().toString()),
                now(),
                Duration.ofDays(30),
                Duration.ofDays(90));
    }

    public static OutboxMail mail(Instant createdAt) {
        String topic = word();
        return new OutboxMail(
                UUID.randomUUID(),
                "order-paid:" + UUID.randomUUID(),
                email(),
                "Your order " + topic,
                "Thank you for order " + topic + ".",
                "<p>Thank you for order " + topic + ".</p>",
                createdAt,
                0);
    }

    /** A book, by default an active one with a fresh slug, 10 in stock, at 12.50, on no shelf. */
    public static final class ProductBuilder {
        private ProductId id = ProductId.of(UUID.randomUUID());
        private Slug slug = TestData.slug();
        private String title = "Book " + TestData.word();
        private String author = "Author " + TestData.word();
        private Optional<String> series = Optional.empty();
        private Optional<String> description = Optional.empty();
        private Optional<Isbn> isbn = Optional.empty();
        private long priceCents = 1250;
        private int stock = 10;
        private boolean active = true;
        private final List<Category> categories = new ArrayList<>();
        private Instant createdAt = TestData.now();
        private long version = Product.FIRST_VERSION;

        private ProductBuilder() {}

        public ProductBuilder slug(Slug value) {
            this.slug = value;
            return this;
        }

        public ProductBuilder title(String value) {
            this.title = value;
            return this;
        }

        public ProductBuilder author(String value) {
            this.author = value;
            return this;
        }

        public ProductBuilder series(String value) {
            this.series = Optional.of(value);
            return this;
        }

        public ProductBuilder description(String value) {
            this.description = Optional.of(value);
            return this;
        }

        public ProductBuilder isbn(String value) {
            this.isbn = Optional.of(Isbn.of(value));
            return this;
        }

        public ProductBuilder priceCents(long value) {
            this.priceCents = value;
            return this;
        }

        public ProductBuilder stock(int value) {
            this.stock = value;
            return this;
        }

        public ProductBuilder inactive() {
            this.active = false;
            return this;
        }

        public ProductBuilder categories(Category... values) {
            this.categories.addAll(Arrays.asList(values));
            return this;
        }

        public ProductBuilder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        public ProductBuilder version(long value) {
            this.version = value;
            return this;
        }

        public Product build() {
            return Product.rehydrate(
                    id,
                    slug,
                    new BookDetails(title, author, series, description, isbn),
                    Price.ofCents(priceCents),
                    Stock.of(stock),
                    active,
                    categories,
                    createdAt,
                    createdAt,
                    version);
        }
    }
}
