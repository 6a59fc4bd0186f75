package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.application.shared.port.out.PersistencePorts;
import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.CategoryId;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.common.Slug;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.order.OrderItem;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.PasswordHash;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Builders for stored test data: each call makes new, unique rows. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final Currency EUR = Currency.getInstance("EUR");

    private Fixtures() {}

    static User user(String email) {
        return User.signUp(UserId.of(UUID.randomUUID()), Email.of(email), new PasswordHash("$2a$12$hash"), T0);
    }

    static User storedUser(PersistencePorts ports, String email) {
        User user = user(email);
        ports.users().insertIfEmailFree(user);
        return user;
    }

    static Category category(String name) {
        return Category.create(CategoryId.of(UUID.randomUUID()), name);
    }

    static Product book(String title, String author, long priceCents, int stock, Category... categories) {
        return Product.create(
                ProductId.of(UUID.randomUUID()),
                Slug.fromText(title),
                new BookDetails(title, author, Optional.empty(), Optional.empty(), Optional.empty()),
                Price.ofCents(priceCents),
                Stock.of(stock),
                List.of(categories),
                T0);
    }

    static Product storedBook(PersistencePorts ports, String title, int stock) {
        Product book = book(title, "Some Author", 1_000, stock);
        ports.products().insertIfSlugFree(book);
        return book;
    }

    static Order order(User user, Product product, int quantity, Instant at) {
        return Order.place(
                OrderId.of(UUID.randomUUID()),
                user.id(),
                List.of(new OrderItem(
                        Optional.of(product.id()), product.title(), product.price(), Quantity.of(quantity))),
                EUR,
                at);
    }
}
