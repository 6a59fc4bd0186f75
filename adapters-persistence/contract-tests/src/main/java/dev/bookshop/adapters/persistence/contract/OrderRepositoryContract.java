package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.application.order.query.OrderQuery;
import dev.bookshop.application.order.query.OrderWithCustomer;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderAmounts;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.order.OrderItem;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.order.ShippingMethodSnapshot;
import dev.bookshop.domain.tax.TaxRate;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.User;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every adapter's {@code OrderRepository} must do: orders and their item snapshots, never deleted. */
public abstract class OrderRepositoryContract extends PersistenceContract {

    @Test
    void roundTripsEveryFieldOfAPaidOrder() {
        User user = givenUser();
        Product product = givenProduct(TestData.product().priceCents(1999).build());
        Instant created = TestData.now().minusSeconds(600);
        // 2 × 19.99 less 1.00, and 7.50 less 0.50, at 10 %: 36.98 holds 3.36, 7.00 holds 0.64, shipping 4.90 0.45.
        OrderItem discounted = new OrderItem(
                Optional.of(product.id()),
                product.title(),
                product.price(),
                Quantity.of(2),
                Money.ofCents(100),
                Money.ofCents(336));
        OrderItem orphan = new OrderItem(
                Optional.empty(),
                "A book long gone " + TestData.word(),
                Money.ofCents(750),
                Quantity.of(1),
                Money.ofCents(50),
                Money.ofCents(64));
        PostalAddress address = new PostalAddress(
                "Anna Müller",
                "Ring 1",
                Optional.of("Stiege 2, Top 3"),
                "Wien",
                "1010",
                Optional.of("Wien"),
                new CountryCode("AT"),
                Optional.of("+43 1 555 0100"));
        OrderAmounts amounts = new OrderAmounts(
                Money.ofCents(2 * 1999 + 750),
                Money.ofCents(150),
                Money.ofCents(490),
                Money.ofCents(336 + 64 + 45),
                TaxRate.ofBasisPoints(1000));
        Order order = Order.rehydrate(
                OrderId.of(UUID.randomUUID()),
                user.id(),
                List.of(discounted, orphan),
                amounts,
                Optional.of(address),
                Optional.of(new ShippingMethodSnapshot("Standard", Money.ofCents(490))),
                Currency.getInstance("CHF"),
                OrderStatus.PAID,
                Optional.of("pi_" + TestData.word()),
                created,
                Optional.of(created.plusSeconds(42)));

        givenOrder(order);

        Order found = inTx(() -> ports.orders().findById(order.id())).orElseThrow();
        assertThat(found.id()).isEqualTo(order.id());
        assertThat(found.userId()).isEqualTo(user.id());
        assertThat(found.items()).containsExactly(discounted, orphan);
        assertThat(found.amounts()).isEqualTo(amounts);
        assertThat(found.total()).isEqualTo(Money.ofCents(2 * 1999 + 750 - 150 + 490));
        assertThat(found.shippingAddress()).contains(address);
        assertThat(found.shippingMethod()).contains(new ShippingMethodSnapshot("Standard", Money.ofCents(490)));
        assertThat(found.currency()).isEqualTo(order.currency());
        assertThat(found.status()).isEqualTo(OrderStatus.PAID);
        assertThat(found.paymentReference()).isEqualTo(order.paymentReference());
        assertThat(found.createdAt()).isEqualTo(created);
        assertThat(found.paidAt()).isEqualTo(order.paidAt());
        assertThat(found).isEqualTo(order);
    }

    @Test
    void anUpdateMovesTheStateAndKeepsTheAmountsAndTheShippingSnapshot() {
        User user = givenUser();
        Product product = givenProduct(TestData.product().priceCents(1000).build());
        PostalAddress address = new PostalAddress(
                "Ann Reader",
                "Hauptstraße 1",
                Optional.empty(),
                "Berlin",
                "10115",
                Optional.empty(),
                new CountryCode("DE"),
                Optional.empty());
        Order pending = Order.rehydrate(
                OrderId.of(UUID.randomUUID()),
                user.id(),
                List.of(new OrderItem(
                        Optional.of(product.id()),
                        product.title(),
                        product.price(),
                        Quantity.of(1),
                        Money.ZERO,
                        Money.ofCents(65))),
                new OrderAmounts(
                        Money.ofCents(1000), Money.ZERO, Money.ZERO, Money.ofCents(65), TaxRate.ofBasisPoints(700)),
                Optional.of(address),
                Optional.of(new ShippingMethodSnapshot("Standard", Money.ofCents(490))),
                TestData.EUR,
                OrderStatus.PENDING,
                Optional.empty(),
                TestData.now(),
                Optional.empty());
        givenOrder(pending);
        Order paid = pending.withPaymentReference("pi_" + TestData.word())
                .markPaid(TestData.now().plusSeconds(5));

        inTx(() -> ports.orders().update(paid));

        Order found = inTx(() -> ports.orders().findById(pending.id())).orElseThrow();
        assertThat(found).isEqualTo(paid);
        assertThat(found.amounts().shipping())
                .as("free shipping, beside the method's list price")
                .isEqualTo(Money.ZERO);
        assertThat(found.shippingMethod().orElseThrow().price()).isEqualTo(Money.ofCents(490));
    }

    @Test
    void roundTripsAPendingOrderWithoutPaymentDetails() {
        User user = givenUser();
        Product product = givenProduct();
        Order order = givenOrder(TestData.order(user.id(), TestData.now(), TestData.item(product, 1)));

        Order found = inTx(() -> ports.orders().findById(order.id())).orElseThrow();

        assertThat(found).isEqualTo(order);
        assertThat(found.paymentReference()).isEmpty();
        assertThat(found.shippingAddress())
                .as("an order of a shop without shipping")
                .isEmpty();
        assertThat(found.shippingMethod()).isEmpty();
        assertThat(found.amounts()).isEqualTo(OrderAmounts.untaxed(order.total()));
        assertThat(found.paidAt()).isEmpty();
    }

    @Test
    void itemsComeBackInTheOrderTheyWerePlaced() {
        User user = givenUser();
        List<OrderItem> items = List.of(
                TestData.item(givenProduct(TestData.product().title("Zulu").build()), 1),
                TestData.orphanItem("Mike", 100, 2),
                TestData.item(givenProduct(TestData.product().title("Alpha").build()), 3),
                TestData.item(givenProduct(TestData.product().title("Kilo").build()), 1));
        Order order = givenOrder(TestData.order(user.id(), TestData.now(), items.toArray(OrderItem[]::new)));

        assertThat(inTx(() -> ports.orders().findById(order.id())).orElseThrow().items())
                .containsExactlyElementsOf(items);
    }

    @Test
    void itemsAreSnapshotsThatIgnoreLaterCatalogueEdits() {
        User user = givenUser();
        Product product = givenProduct(
                TestData.product().title("Old title").priceCents(1000).build());
        Order order = givenOrder(TestData.order(user.id(), TestData.now(), TestData.item(product, 2)));
        Instant later = product.updatedAt().plusSeconds(60);

        inTx(() -> ports.products()
                .update(product.withPrice(Price.ofCents(5000), later)
                        .withDetails(
                                new BookDetails(
                                        "New title",
                                        product.details().author(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty()),
                                later)
                        .activated(false, later)));

        OrderItem item = inTx(() -> ports.orders().findById(order.id()))
                .orElseThrow()
                .items()
                .getFirst();
        assertThat(item.title()).isEqualTo("Old title");
        assertThat(item.unitPrice()).isEqualTo(Money.ofCents(1000));
        assertThat(item.quantity()).isEqualTo(Quantity.of(2));
        assertThat(item.productId()).contains(product.id());
    }

    @Test
    void findsNothingForUnknownIdsAndReferences() {
        User user = givenUser();
        givenOrder(TestData.order(user.id(), OrderStatus.PAID, TestData.now(), TestData.orphanItem("Book", 100, 1)));

        inTx(() -> {
            assertThat(ports.orders().findById(OrderId.of(UUID.randomUUID()))).isEmpty();
            assertThat(ports.orders().findByIdForUpdate(OrderId.of(UUID.randomUUID())))
                    .isEmpty();
            assertThat(ports.orders().findByPaymentReferenceForUpdate("pi_" + TestData.word()))
                    .isEmpty();
        });
    }

    @Test
    void findsAnOrderForUpdateByIdAndByPaymentReference() {
        User user = givenUser();
        Order order = givenOrder(TestData.order(user.id(), TestData.now(), TestData.orphanItem("Book", 100, 1))
                .withPaymentReference("pi_" + TestData.word()));

        inTx(() -> {
            assertThat(ports.orders().findByIdForUpdate(order.id())).contains(order);
            assertThat(ports.orders()
                            .findByPaymentReferenceForUpdate(
                                    order.paymentReference().orElseThrow()))
                    .contains(order);
        });
    }

    @Test
    void updateWritesStatusPaymentReferenceAndPaymentTime() {
        User user = givenUser();
        Product product = givenProduct();
        Order order = givenOrder(TestData.order(user.id(), TestData.now(), TestData.item(product, 1)));
        String reference = "pi_" + TestData.word();
        Instant paidAt = order.createdAt().plusSeconds(30);

        inTx(() -> ports.orders().update(order.withPaymentReference(reference)));
        inTx(() -> ports.orders().update(order.withPaymentReference(reference).markPaid(paidAt)));

        Order found = inTx(() -> ports.orders().findById(order.id())).orElseThrow();
        assertThat(found).isEqualTo(order.withPaymentReference(reference).markPaid(paidAt));
        assertThat(inTx(() -> ports.orders().findByPaymentReferenceForUpdate(reference)))
                .contains(found);
    }

    @Test
    void updateToFailedKeepsItemsAndTotal() {
        User user = givenUser();
        Product product = givenProduct();
        Order order = givenOrder(TestData.order(user.id(), TestData.now(), TestData.item(product, 3)));

        inTx(() -> ports.orders().update(order.markFailed()));

        Order found = inTx(() -> ports.orders().findById(order.id())).orElseThrow();
        assertThat(found.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(found.items()).isEqualTo(order.items());
        assertThat(found.total()).isEqualTo(order.total());
        assertThat(found.paidAt()).isEmpty();
    }

    @Test
    void listsAUsersOrdersNewestFirstInPages() {
        User user = givenUser();
        User other = givenUser();
        Instant base = TestData.now().minusSeconds(3600);
        Order oldest = givenOrder(order(user, OrderStatus.PAID, base));
        Order newest = givenOrder(order(user, OrderStatus.PENDING, base.plusSeconds(20)));
        Order middle = givenOrder(order(user, OrderStatus.FAILED, base.plusSeconds(10)));
        givenOrder(order(other, OrderStatus.PAID, base.plusSeconds(15)));

        Page<Order> first = inTx(() -> ports.orders().findByUser(user.id(), PageRequest.of(1, 2)));
        Page<Order> second = inTx(() -> ports.orders().findByUser(user.id(), PageRequest.of(2, 2)));

        assertThat(first.items()).containsExactly(newest, middle);
        assertThat(first.total()).isEqualTo(3);
        assertThat(second.items()).containsExactly(oldest);
        assertThat(second.total()).isEqualTo(3);
        assertThat(inTx(() -> ports.orders().findByUser(user.id(), PageRequest.of(5, 2))))
                .satisfies(beyond -> {
                    assertThat(beyond.items()).isEmpty();
                    assertThat(beyond.total()).isEqualTo(3);
                });
    }

    @Test
    void aUserWithoutOrdersHasAnEmptyHistory() {
        User user = givenUser();

        Page<Order> page = inTx(() -> ports.orders().findByUser(user.id(), PageRequest.first()));

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
    }

    @Test
    void listsEveryOrderNewestFirstWithTheCustomersEmail() {
        User ann = givenUser();
        User bob = givenUser();
        Instant base = TestData.now().minusSeconds(3600);
        Order annsOld = givenOrder(order(ann, OrderStatus.PAID, base));
        Order bobs = givenOrder(order(bob, OrderStatus.PENDING, base.plusSeconds(10)));
        Order annsNew = givenOrder(order(ann, OrderStatus.FAILED, base.plusSeconds(20)));

        Page<OrderWithCustomer> all = inTx(
                () -> ports.orders().findAll(new OrderQuery(Optional.empty(), Optional.empty(), PageRequest.first())));

        assertThat(all.items())
                .containsExactly(
                        new OrderWithCustomer(annsNew, ann.email()),
                        new OrderWithCustomer(bobs, bob.email()),
                        new OrderWithCustomer(annsOld, ann.email()));
        assertThat(all.total()).isEqualTo(3);
    }

    @Test
    void filtersEveryOrderByStatusAndCustomer() {
        User ann = givenUser();
        User bob = givenUser();
        Instant base = TestData.now().minusSeconds(3600);
        Order annsPaid = givenOrder(order(ann, OrderStatus.PAID, base));
        givenOrder(order(ann, OrderStatus.PENDING, base.plusSeconds(10)));
        Order annsNewerPaid = givenOrder(order(ann, OrderStatus.PAID, base.plusSeconds(20)));
        Order bobsPaid = givenOrder(order(bob, OrderStatus.PAID, base.plusSeconds(30)));

        Page<OrderWithCustomer> annsPaidOrders = inTx(() -> ports.orders()
                .findAll(new OrderQuery(Optional.of(OrderStatus.PAID), Optional.of(ann.id()), PageRequest.first())));
        Page<OrderWithCustomer> bobsOrders = inTx(() ->
                ports.orders().findAll(new OrderQuery(Optional.empty(), Optional.of(bob.id()), PageRequest.first())));
        Page<OrderWithCustomer> paidFirstPage = inTx(() -> ports.orders()
                .findAll(new OrderQuery(Optional.of(OrderStatus.PAID), Optional.empty(), PageRequest.of(1, 2))));

        assertThat(annsPaidOrders.items())
                .extracting(OrderWithCustomer::order)
                .containsExactly(annsNewerPaid, annsPaid);
        assertThat(annsPaidOrders.total()).isEqualTo(2);
        assertThat(bobsOrders.items()).containsExactly(new OrderWithCustomer(bobsPaid, bob.email()));
        assertThat(paidFirstPage.items()).extracting(OrderWithCustomer::order).containsExactly(bobsPaid, annsNewerPaid);
        assertThat(paidFirstPage.total()).isEqualTo(3);
    }

    @Test
    void theAdminListShowsAnErasedCustomersOrdersUnderTheirPlaceholder() {
        User ann = givenUser();
        Order paid = givenOrder(order(ann, OrderStatus.PAID, TestData.now().minusSeconds(60)));
        inTx(() -> ports.users().updateErased(ann.erase(List.of())));

        Page<OrderWithCustomer> hers = inTx(() ->
                ports.orders().findAll(new OrderQuery(Optional.empty(), Optional.of(ann.id()), PageRequest.first())));

        assertThat(hers.items()).containsExactly(new OrderWithCustomer(paid, Email.erasedPlaceholder(ann.id())));
    }

    @Test
    void locksOnlyPendingOrdersCreatedBeforeTheCutoff() {
        User user = givenUser();
        Instant cutoff = TestData.now().minusSeconds(1800);
        Order stale = givenOrder(order(user, OrderStatus.PENDING, cutoff.minusSeconds(60)));
        Order staler = givenOrder(order(user, OrderStatus.PENDING, cutoff.minusSeconds(600)));
        Order fresh = givenOrder(order(user, OrderStatus.PENDING, cutoff.plusSeconds(60)));
        Order atCutoff = givenOrder(order(user, OrderStatus.PENDING, cutoff));
        Order paid = givenOrder(order(user, OrderStatus.PAID, cutoff.minusSeconds(600)));
        Order failed = givenOrder(order(user, OrderStatus.FAILED, cutoff.minusSeconds(600)));

        List<Order> locked = inTx(() -> ports.orders().lockPendingCreatedBefore(cutoff, 100));

        assertThat(locked).contains(stale, staler).doesNotContain(fresh, atCutoff, paid, failed);
    }

    @Test
    void locksNoMorePendingOrdersThanTheLimit() {
        User user = givenUser();
        Instant cutoff = TestData.now();
        for (int i = 1; i <= 5; i++) {
            givenOrder(order(user, OrderStatus.PENDING, cutoff.minusSeconds(60L * i)));
        }

        List<Order> locked = inTx(() -> ports.orders().lockPendingCreatedBefore(cutoff, 3));

        assertThat(locked).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void countsOrdersByStatus() {
        Map<OrderStatus, Long> before = inTx(() -> ports.orders().countByStatus());
        User user = givenUser();
        Instant now = TestData.now();
        givenOrder(order(user, OrderStatus.PENDING, now));
        givenOrder(order(user, OrderStatus.PAID, now));
        givenOrder(order(user, OrderStatus.PAID, now));
        givenOrder(order(user, OrderStatus.FAILED, now));
        givenOrder(order(user, OrderStatus.FAILED, now));
        givenOrder(order(user, OrderStatus.FAILED, now));

        Map<OrderStatus, Long> after = inTx(() -> ports.orders().countByStatus());

        assertThat(count(after, OrderStatus.PENDING) - count(before, OrderStatus.PENDING))
                .isEqualTo(1);
        assertThat(count(after, OrderStatus.PAID) - count(before, OrderStatus.PAID))
                .isEqualTo(2);
        assertThat(count(after, OrderStatus.FAILED) - count(before, OrderStatus.FAILED))
                .isEqualTo(3);
    }

    @Test
    void countsOnlyTheUsersOwnPendingOrders() {
        User ann = givenUser();
        User bob = givenUser();
        Instant now = TestData.now();
        assertThat(inTx(() -> ports.orders().countPendingByUser(ann.id()))).isZero();
        givenOrder(order(ann, OrderStatus.PENDING, now));
        givenOrder(order(ann, OrderStatus.PENDING, now.plusSeconds(1)));
        givenOrder(order(ann, OrderStatus.PAID, now));
        givenOrder(order(ann, OrderStatus.FAILED, now));
        givenOrder(order(bob, OrderStatus.PENDING, now));

        assertThat(inTx(() -> ports.orders().countPendingByUser(ann.id()))).isEqualTo(2);
        assertThat(inTx(() -> ports.orders().countPendingByUser(bob.id()))).isEqualTo(1);
    }

    @Test
    void aPendingOrderThatFailsOrIsPaidNoLongerCounts() {
        User ann = givenUser();
        Order first = order(ann, OrderStatus.PENDING, TestData.now());
        Order second = order(ann, OrderStatus.PENDING, TestData.now());
        givenOrder(first);
        givenOrder(second);

        inTx(() -> {
            ports.orders().update(first.markFailed());
            ports.orders().update(second.markPaid(TestData.now()));
        });

        assertThat(inTx(() -> ports.orders().countPendingByUser(ann.id()))).isZero();
    }

    private static long count(Map<OrderStatus, Long> counts, OrderStatus status) {
        return counts.getOrDefault(status, 0L);
    }

    private static Order order(User user, OrderStatus status, Instant createdAt) {
        return TestData.order(user.id(), status, createdAt, TestData.orphanItem("Book " + TestData.word(), 1000, 1));
    }
}
