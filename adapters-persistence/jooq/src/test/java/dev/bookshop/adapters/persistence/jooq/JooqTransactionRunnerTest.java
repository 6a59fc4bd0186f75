package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.user.User;
import org.junit.jupiter.api.Test;

class JooqTransactionRunnerTest extends DatabaseTest {

    @Test
    void aConflictInsideATransactionDoesNotAbortIt() {
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
