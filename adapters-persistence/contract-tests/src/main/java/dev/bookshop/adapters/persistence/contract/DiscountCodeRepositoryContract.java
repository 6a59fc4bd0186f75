package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.discount.DiscountCode;
import dev.bookshop.domain.discount.DiscountCodeId;
import dev.bookshop.domain.discount.DiscountKind;
import dev.bookshop.domain.discount.DiscountTerms;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.user.User;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every adapter's {@code DiscountCodeRepository} must do. */
public abstract class DiscountCodeRepositoryContract extends PersistenceContract {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    private static DiscountTerms terms(String code, Optional<Integer> maxRedemptions) {
        return new DiscountTerms(
                code,
                DiscountKind.PERCENT,
                10,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                maxRedemptions,
                Optional.empty(),
                true);
    }

    private static DiscountCode code(String text) {
        return DiscountCode.create(DiscountCodeId.of(UUID.randomUUID()), terms(text, Optional.empty()), NOW);
    }

    private DiscountCode given(DiscountCode code) {
        assertThat(inTx(() -> ports.discountCodes().insertIfCodeFree(code))).isTrue();
        return code;
    }

    private DiscountCode reread(DiscountCode code) {
        return inTx(() -> ports.discountCodes().findById(code.id())).orElseThrow();
    }

    private Order givenOrder(User customer) {
        Product book = givenProduct();
        Order order = TestData.order(customer.id(), TestData.now(), TestData.item(book, 1));
        inTx(() -> ports.orders().insert(order));
        return order;
    }

    @Test
    void roundTripsEveryField() {
        DiscountCode full = given(DiscountCode.create(
                DiscountCodeId.of(UUID.randomUUID()),
                new DiscountTerms(
                        "SUMMER-5",
                        DiscountKind.AMOUNT,
                        500,
                        Optional.of(Money.ofCents(2000)),
                        Optional.of(NOW),
                        Optional.of(NOW.plus(30, ChronoUnit.DAYS)),
                        Optional.of(100),
                        Optional.of(2),
                        false),
                NOW));
        DiscountCode bare = given(code("BARE"));

        assertThat(reread(full)).isEqualTo(full);
        assertThat(reread(bare)).isEqualTo(bare);
        assertThat(inTx(() -> ports.discountCodes().findByCode("SUMMER-5"))).contains(full);
        assertThat(inTx(() -> ports.discountCodes().findByCodeForUpdate("BARE")))
                .contains(bare);
        assertThat(inTx(() -> ports.discountCodes().findByIdForUpdate(full.id())))
                .contains(full);
        assertThat(inTx(() -> ports.discountCodes().findByCode("NOPE"))).isEmpty();
        assertThat(inTx(() -> ports.discountCodes().findById(DiscountCodeId.of(UUID.randomUUID()))))
                .isEmpty();
    }

    @Test
    void aTextIsStoredOnce() {
        DiscountCode first = given(code("ONCE"));
        DiscountCode again = code("once");

        assertThat(inTx(() -> ports.discountCodes().insertIfCodeFree(again))).isFalse();
        assertThat(inTx(() -> ports.discountCodes().findById(again.id()))).isEmpty();
        assertThat(inTx(() -> ports.discountCodes().findAll())).containsExactly(first);
    }

    @Test
    void updateReplacesTheTermsButNotTheCount() {
        DiscountCode code = given(code("OLD"));
        User customer = givenUser();
        Order order = givenOrder(customer);
        inTx(() -> ports.discountCodes().insertRedemption(code.id(), order.id(), customer.id(), NOW));
        DiscountCode renamed = code.redefine(new DiscountTerms(
                "NEW",
                DiscountKind.AMOUNT,
                250,
                Optional.of(Money.ofCents(1000)),
                Optional.empty(),
                Optional.of(NOW),
                Optional.of(3),
                Optional.of(1),
                false));

        assertThat(inTx(() -> ports.discountCodes().updateIfCodeFree(renamed))).isTrue();

        DiscountCode stored = reread(code);
        assertThat(stored.terms()).isEqualTo(renamed.terms());
        assertThat(stored.timesRedeemed()).isEqualTo(1);
        assertThat(inTx(() -> ports.discountCodes().findByCode("OLD"))).isEmpty();
    }

    @Test
    void updateToATakenTextWritesNothingAndTheTransactionGoesOn() {
        DiscountCode taken = given(code("TAKEN"));
        DiscountCode mine = given(code("MINE"));

        boolean stored = inTx(() -> {
            boolean updated = ports.discountCodes().updateIfCodeFree(mine.redefine(terms("TAKEN", Optional.empty())));
            // The refusal must leave the transaction usable.
            ports.discountCodes().findAll();
            return updated;
        });

        assertThat(stored).isFalse();
        assertThat(reread(mine)).isEqualTo(mine);
        assertThat(reread(taken)).isEqualTo(taken);
        assertThat(inTx(() -> ports.discountCodes().updateIfCodeFree(code("NEVER"))))
                .isFalse();
    }

    @Test
    void findAllListsByText() {
        DiscountCode b = given(code("B-2"));
        DiscountCode a = given(code("A_1"));
        DiscountCode c = given(code("C"));

        assertThat(inTx(() -> ports.discountCodes().findAll())).containsExactly(a, b, c);
    }

    @Test
    void redemptionsCountPerCodeAndCustomerAndAreGivenBackOnce() {
        DiscountCode code = given(code("COUNTED"));
        DiscountCode other = given(code("OTHER"));
        User alice = givenUser();
        User bob = givenUser();
        Order first = givenOrder(alice);
        Order second = givenOrder(alice);
        Order bobs = givenOrder(bob);

        inTx(() -> {
            ports.discountCodes().insertRedemption(code.id(), first.id(), alice.id(), NOW);
            ports.discountCodes().insertRedemption(code.id(), second.id(), alice.id(), NOW);
            ports.discountCodes().insertRedemption(other.id(), bobs.id(), bob.id(), NOW);
        });

        assertThat(reread(code).timesRedeemed()).isEqualTo(2);
        assertThat(reread(other).timesRedeemed()).isEqualTo(1);
        assertThat(inTx(() -> ports.discountCodes().countRedemptionsBy(code.id(), alice.id())))
                .isEqualTo(2);
        assertThat(inTx(() -> ports.discountCodes().countRedemptionsBy(code.id(), bob.id())))
                .isZero();

        assertThat(inTx(() -> ports.discountCodes().deleteRedemption(first.id())))
                .isTrue();
        assertThat(inTx(() -> ports.discountCodes().deleteRedemption(first.id())))
                .isFalse();

        assertThat(reread(code).timesRedeemed()).isEqualTo(1);
        assertThat(inTx(() -> ports.discountCodes().countRedemptionsBy(code.id(), alice.id())))
                .isEqualTo(1);
        assertThat(reread(other).timesRedeemed()).isEqualTo(1);
    }

    @Test
    void redemptionsUnderTheLockNeverExceedTheLimit() {
        DiscountCode code =
                given(DiscountCode.create(DiscountCodeId.of(UUID.randomUUID()), terms("RACE", Optional.of(5)), NOW));
        int buyers = 20;
        List<User> customers = java.util.stream.IntStream.range(0, buyers)
                .mapToObj(i -> givenUser())
                .toList();
        List<Order> orders = customers.stream().map(this::givenOrder).toList();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

        List<Boolean> redeemed = Concurrently.run(buyers, () -> {
            int i = next.getAndIncrement();
            return inTx(() -> {
                DiscountCode locked =
                        ports.discountCodes().findByCodeForUpdate("RACE").orElseThrow();
                if (locked.timesRedeemed() >= 5) {
                    return false;
                }
                ports.discountCodes()
                        .insertRedemption(
                                locked.id(),
                                orders.get(i).id(),
                                customers.get(i).id(),
                                NOW);
                return true;
            });
        });

        assertThat(redeemed.stream().filter(r -> r).count()).isEqualTo(5);
        assertThat(reread(code).timesRedeemed()).isEqualTo(5);
    }
}
