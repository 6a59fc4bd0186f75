package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.Fixtures.book;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.Stock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Kept books checked against the version read, driven directly: no database, a hand-ended transaction and clock. */
class KeptBooksTest {

    private final List<Runnable> atTransactionEnd = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final KeptBooks kept = new KeptBooks(atTransactionEnd::add, nanos::get);
    private final List<List<UUID>> reads = new ArrayList<>();

    private static KeptBooks.Version versionOf(Product book) {
        return new KeptBooks.Version(book.id().value(), book.stock(), book.active(), book.updatedAt(), book.version());
    }

    private Function<List<UUID>, List<Product>> reading(Product... stored) {
        return ids -> {
            reads.add(List.copyOf(ids));
            return List.of(stored).stream()
                    .filter(book -> ids.contains(book.id().value()))
                    .toList();
        };
    }

    private static Product withUpdate(Product book, int stock, boolean active, Instant updatedAt) {
        return Product.rehydrate(
                book.id(),
                book.slug(),
                book.details(),
                Price.of(book.price()),
                Stock.of(stock),
                active,
                book.categories(),
                book.createdAt(),
                updatedAt,
                book.version());
    }

    @Test
    void aBookEditedAtTheSameInstantIsReadAgainForItsNewVersion() {
        Product dune = book("Dune", "Frank Herbert", 1_000, 3);
        kept.asOf(List.of(versionOf(dune)), reading(dune));
        Product repriced = dune.withPrice(Price.ofCents(2_000), dune.updatedAt());

        assertThat(kept.asOf(List.of(versionOf(repriced)), reading(repriced))).containsExactly(repriced);
        assertThat(reads).hasSize(2);
    }

    @Test
    void aBookReadOnceIsServedFromItsCopyWhileItsVersionHolds() {
        Product dune = book("Dune", "Frank Herbert", 1_000, 3);
        kept.asOf(List.of(versionOf(dune)), reading(dune));

        assertThat(kept.asOf(List.of(versionOf(dune)), reading())).containsExactly(dune);
        assertThat(reads).hasSize(1);
    }

    @Test
    void theStockAndActiveFlagAlwaysComeFromTheVersionRead() {
        Product dune = book("Dune", "Frank Herbert", 1_000, 3);
        kept.asOf(List.of(versionOf(dune)), reading(dune));

        Product answer = kept.asOf(
                        List.of(new KeptBooks.Version(dune.id().value(), 0, false, dune.updatedAt(), dune.version())),
                        reading())
                .getFirst();

        assertThat(answer.stock()).isZero();
        assertThat(answer.active()).isFalse();
        assertThat(answer.details()).isEqualTo(dune.details());
    }

    @Test
    void aBookWhoseUpdateTimeMovedIsReadAgainAndKept() {
        Product dune = book("Dune", "Frank Herbert", 1_000, 3);
        kept.asOf(List.of(versionOf(dune)), reading(dune));
        Product changed = withUpdate(dune, 2, true, dune.updatedAt().plusSeconds(1));

        assertThat(kept.asOf(List.of(versionOf(changed)), reading(changed))).containsExactly(changed);
        assertThat(kept.asOf(List.of(versionOf(changed)), reading())).containsExactly(changed);
        assertThat(reads)
                .containsExactly(List.of(dune.id().value()), List.of(dune.id().value()));
    }

    @Test
    void anAnswerKeepsTheOrderOfTheVersionsAndLeavesOutBooksNoLongerFound() {
        Product dune = book("Dune", "Frank Herbert", 1_000, 3);
        Product emma = book("Emma", "Jane Austen", 1_000, 3);
        Product gone = book("Gone", "Some Author", 1_000, 3);
        kept.asOf(List.of(versionOf(emma)), reading(emma));

        List<Product> answer = kept.asOf(List.of(versionOf(gone), versionOf(emma), versionOf(dune)), reading(dune));

        assertThat(answer).containsExactly(emma, dune);
        assertThat(reads.getLast()).containsExactly(gone.id().value(), dune.id().value());
    }

    @Test
    void aCopyExpiresAfterItsLifetime() {
        Product dune = book("Dune", "Frank Herbert", 1_000, 3);
        kept.asOf(List.of(versionOf(dune)), reading(dune));

        nanos.addAndGet(KeptBooks.LIFETIME.minusMillis(1).toNanos());
        kept.asOf(List.of(versionOf(dune)), reading(dune));
        assertThat(reads).hasSize(1);

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        kept.asOf(List.of(versionOf(dune)), reading(dune));
        assertThat(reads).hasSize(2);
    }

    @Test
    void aChangedBookIsForgottenNowAndAgainWhenItsTransactionEnds() {
        Product dune = book("Dune", "Frank Herbert", 1_000, 3);
        kept.asOf(List.of(versionOf(dune)), reading(dune));

        kept.forget(dune.id().value());
        assertThat(kept.asOf(List.of(versionOf(dune)), reading(dune))).containsExactly(dune);
        assertThat(reads).hasSize(2);

        // What the transaction read after its write (and may yet roll back) is not kept past its end.
        atTransactionEnd.forEach(Runnable::run);
        kept.asOf(List.of(versionOf(dune)), reading(dune));
        assertThat(reads).hasSize(3);
    }

    @Test
    void aBookWeighsItsTextAndAFixedShare() {
        assertThat(KeptBooks.characters(book("Dune", "Frank Herbert", 1_000, 3)))
                .isEqualTo(200 + 4 + 13);
    }
}
