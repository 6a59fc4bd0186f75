package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.user.User;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every adapter's {@code TransactionRunner} must do: all or nothing, nested calls joining the outer one. */
public abstract class TransactionRunnerContract extends PersistenceContract {

    /** Thrown by test work on purpose, so no other failure can pass for it. */
    private static final class HalfWayFailure extends RuntimeException {
        HalfWayFailure() {
            super("the work failed half-way, on purpose");
        }
    }

    @Test
    void commitsTheWorkAndAnswersItsResult() {
        User user = TestData.user();

        String answer = ports.transactions().inTransaction(() -> {
            ports.users().insertIfEmailFree(user);
            return "done";
        });

        assertThat(answer).isEqualTo("done");
        assertThat(inTx(() -> ports.users().findById(user.id()))).contains(user);
    }

    @Test
    void runsRunnableWork() {
        User user = TestData.user();

        ports.transactions().inTransaction(() -> {
            ports.users().insertIfEmailFree(user);
        });

        assertThat(inTx(() -> ports.users().findById(user.id()))).contains(user);
    }

    @Test
    void workSeesItsOwnWritesBeforeCommit() {
        User user = TestData.user();

        boolean seen = inTx(() -> {
            ports.users().insertIfEmailFree(user);
            return ports.users().findByEmail(user.email()).isPresent();
        });

        assertThat(seen).isTrue();
    }

    @Test
    void rollsBackEverythingWrittenWhenTheWorkThrowsHalfWay() {
        Product stocked = givenProduct(TestData.product().stock(5).build());
        User customer = givenUser();
        long unsentBefore = inTx(() -> ports.mailOutbox().countUnsent());
        User newUser = TestData.user();
        Category newCategory = TestData.category();
        Product newProduct = TestData.product().categories(newCategory).build();
        Order newOrder = TestData.order(customer.id(), TestData.now(), TestData.item(stocked, 2));
        HalfWayFailure failure = new HalfWayFailure();

        assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
                    ports.users().insertIfEmailFree(newUser);
                    ports.categories().insertIfSlugFree(newCategory);
                    ports.products().insertIfSlugFree(newProduct);
                    ports.products().decrementStock(stocked.id(), 2);
                    ports.orders().insert(newOrder);
                    ports.users().update(customer.activated(false));
                    ports.carts().getForUpdate(customer.id(), TestData.now());
                    ports.mailOutbox().enqueueIfAbsent(TestData.mail(TestData.now()));
                    throw failure;
                }))
                .isSameAs(failure);

        inTx(() -> {
            assertThat(ports.users().findById(newUser.id())).isEmpty();
            assertThat(ports.categories().findBySlugs(List.of(newCategory.slug())))
                    .isEmpty();
            assertThat(ports.products().findById(newProduct.id())).isEmpty();
            assertThat(ports.products().findById(stocked.id()))
                    .get()
                    .extracting(Product::stock)
                    .isEqualTo(5);
            assertThat(ports.orders().findById(newOrder.id())).isEmpty();
            assertThat(ports.users().findById(customer.id()))
                    .get()
                    .extracting(User::active)
                    .isEqualTo(true);
            assertThat(ports.carts().find(customer.id())).isEmpty();
            assertThat(ports.mailOutbox().countUnsent()).isEqualTo(unsentBefore);
        });
    }

    @Test
    void aFailedTransactionLeavesEarlierCommitsAlone() {
        User committed = TestData.user();
        User rolledBack = TestData.user();
        inTx(() -> ports.users().insertIfEmailFree(committed));

        assertThatThrownBy(() -> inTx(() -> {
                    ports.users().insertIfEmailFree(rolledBack);
                    throw new HalfWayFailure();
                }))
                .isInstanceOf(HalfWayFailure.class);

        inTx(() -> {
            assertThat(ports.users().findById(committed.id())).contains(committed);
            assertThat(ports.users().findById(rolledBack.id())).isEmpty();
        });
    }

    @Test
    void theStoreIsUsableAgainAfterARollback() {
        assertThatThrownBy(() -> inTx(() -> {
                    ports.users().insertIfEmailFree(TestData.user());
                    throw new HalfWayFailure();
                }))
                .isInstanceOf(HalfWayFailure.class);
        User later = TestData.user();

        inTx(() -> ports.users().insertIfEmailFree(later));

        assertThat(inTx(() -> ports.users().findById(later.id()))).contains(later);
    }

    @Test
    void nestedCallsJoinTheOuterTransactionAndCommitWithIt() {
        User outer = TestData.user();
        User inner = TestData.user();

        boolean innerSeenByOuter = inTx(() -> {
            ports.users().insertIfEmailFree(outer);
            ports.transactions().inTransaction(() -> {
                assertThat(ports.users().findById(outer.id())).contains(outer);
                ports.users().insertIfEmailFree(inner);
            });
            return ports.users().findById(inner.id()).isPresent();
        });

        assertThat(innerSeenByOuter).isTrue();
        inTx(() -> {
            assertThat(ports.users().findById(outer.id())).contains(outer);
            assertThat(ports.users().findById(inner.id())).contains(inner);
        });
    }

    @Test
    void whenTheOuterWorkThrowsAfterANestedCallBothAreRolledBack() {
        User outer = TestData.user();
        User inner = TestData.user();
        AtomicBoolean innerReturned = new AtomicBoolean();

        assertThatThrownBy(() -> inTx(() -> {
                    ports.users().insertIfEmailFree(outer);
                    inTx(() -> ports.users().insertIfEmailFree(inner));
                    innerReturned.set(true);
                    throw new HalfWayFailure();
                }))
                .isInstanceOf(HalfWayFailure.class);

        assertThat(innerReturned).isTrue();
        inTx(() -> {
            assertThat(ports.users().findById(outer.id())).isEmpty();
            assertThat(ports.users().findById(inner.id())).isEmpty();
        });
    }

    @Test
    void anExceptionFromNestedWorkRollsBackTheWholeTransaction() {
        User outer = TestData.user();
        User inner = TestData.user();

        assertThatThrownBy(() -> inTx(() -> {
                    ports.users().insertIfEmailFree(outer);
                    inTx(() -> {
                        ports.users().insertIfEmailFree(inner);
                        throw new HalfWayFailure();
                    });
                }))
                .isInstanceOf(HalfWayFailure.class);

        inTx(() -> {
            assertThat(ports.users().findById(outer.id())).isEmpty();
            assertThat(ports.users().findById(inner.id())).isEmpty();
        });
    }

    @Test
    void concurrentTransactionsEachCommitTheirOwnWork() {
        int threads = 20;

        List<User> inserted = Concurrently.run(threads, () -> {
            User user = TestData.user();
            inTx(() -> ports.users().insertIfEmailFree(user));
            return user;
        });

        inTx(() -> {
            for (User user : inserted) {
                assertThat(ports.users().findById(user.id())).contains(user);
            }
        });
    }

    /**
     * Two transactions lock the same two rows in opposite orders, each waiting (briefly) until the other holds its
     * first row. A database with row locks ends one of them for the deadlock; the runner must run it again, so both
     * commit and the caller never sees the conflict. A store with one lock for everything serialises them instead.
     */
    @Test
    void aTransactionThatLosesADeadlockRunsAgainAndCommits() {
        User first = givenUser();
        User second = givenUser();
        CountDownLatch bothHoldTheirFirstRow = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();
        List<User> written = List.of(TestData.user(), TestData.user());

        // Which thread takes which order must not depend on scheduling: each task claims an index.
        AtomicInteger claims = new AtomicInteger();
        List<String> outcomes = Concurrently.run(2, () -> {
            int me = claims.getAndIncrement();
            User lockFirst = me == 0 ? first : second;
            User lockThen = me == 0 ? second : first;
            return ports.transactions().inTransaction(() -> {
                attempts.incrementAndGet();
                ports.users().findByIdForUpdate(lockFirst.id()).orElseThrow();
                bothHoldTheirFirstRow.countDown();
                awaitBriefly(bothHoldTheirFirstRow);
                ports.users().findByIdForUpdate(lockThen.id()).orElseThrow();
                ports.users().insertIfEmailFree(written.get(me));
                return "committed";
            });
        });

        assertThat(outcomes).containsExactly("committed", "committed");
        assertThat(attempts.get()).isGreaterThanOrEqualTo(2);
        inTx(() -> {
            for (User user : written) {
                assertThat(ports.users().findById(user.id())).contains(user);
            }
        });
    }

    /** Waits a little for the other side; a store that serialises transactions never lets it arrive. */
    private static void awaitBriefly(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
