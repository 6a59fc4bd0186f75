package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.user.User;
import org.junit.jupiter.api.Test;

class JooqTransactionRunnerTest extends DatabaseTest {

    @Test
    void a_throw_half_way_rolls_back_everything_written_before_it() {
        User ann = user("ann@example.com");
        User bob = user("bob@example.com");
        var failure = new IllegalStateException("half-way");

        assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
                    ports.users().insertIfEmailFree(ann);
                    ports.users().insertIfEmailFree(bob);
                    assertThat(ports.users().findById(ann.id())).isPresent();
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(ports.users().findById(ann.id())).isEmpty();
        assertThat(ports.users().findById(bob.id())).isEmpty();
    }

    @Test
    void a_nested_call_joins_the_outer_transaction_and_rolls_back_with_it() {
        User ann = user("ann@example.com");

        assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
                    ports.transactions().inTransaction(() -> ports.users().insertIfEmailFree(ann));
                    throw new IllegalStateException("after the nested call");
                }))
                .hasMessage("after the nested call");

        assertThat(ports.users().findById(ann.id())).isEmpty();
    }

    @Test
    void work_that_completes_is_committed_and_its_answer_returned() {
        User ann = user("ann@example.com");

        boolean inserted =
                ports.transactions().inTransaction(() -> ports.users().insertIfEmailFree(ann));

        assertThat(inserted).isTrue();
        assertThat(ports.users().findById(ann.id())).contains(ann);
    }

    @Test
    void a_conflict_inside_a_transaction_does_not_abort_it() {
        User ann = user("ann@example.com");
        User annAgain = user("ANN@example.com");
        User bob = user("bob@example.com");

        ports.transactions().inTransaction(() -> {
            assertThat(ports.users().insertIfEmailFree(ann)).isTrue();
            assertThat(ports.users().insertIfEmailFree(annAgain)).isFalse();
            assertThat(ports.users().insertIfEmailFree(bob)).isTrue();
        });

        assertThat(ports.users().findById(bob.id())).contains(bob);
    }
}
