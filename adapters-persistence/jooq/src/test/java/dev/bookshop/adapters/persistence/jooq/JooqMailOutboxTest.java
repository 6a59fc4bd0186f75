package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.application.mail.port.out.OutboxMail;
import dev.bookshop.domain.user.Email;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JooqMailOutboxTest extends DatabaseTest {

    private static OutboxMail mail(String dedupeKey, Instant createdAt) {
        return new OutboxMail(
                UUID.randomUUID(),
                dedupeKey,
                Email.of("ann@example.com"),
                "Your order",
                "text",
                "<p>html</p>",
                createdAt,
                0);
    }

    @Test
    void claimsDueMailsUnderALeaseAndRetriesFailuresLater() {
        OutboxMail first = mail("order-1", T0);
        OutboxMail second = mail("order-2", T0.plusSeconds(1));
        OutboxMail notYet = mail("order-3", T0.plusSeconds(600));
        ports.mailOutbox().enqueueIfAbsent(second);
        ports.mailOutbox().enqueueIfAbsent(first);
        ports.mailOutbox().enqueueIfAbsent(notYet);
        Instant now = T0.plusSeconds(10);
        Instant leaseEnd = now.plusSeconds(60);

        assertThat(ports.mailOutbox().claimDue(now, leaseEnd, 10)).containsExactly(first, second);
        assertThat(ports.mailOutbox().claimDue(now.plusSeconds(1), leaseEnd, 10))
                .isEmpty();

        ports.mailOutbox().markSent(first.id(), now);
        ports.mailOutbox().markFailed(second.id(), now.plusSeconds(30), "smtp down");

        assertThat(ports.mailOutbox().countUnsent()).isEqualTo(2);
        assertThat(ports.mailOutbox().claimDue(now.plusSeconds(29), leaseEnd, 10))
                .isEmpty();
        assertThat(ports.mailOutbox().claimDue(now.plusSeconds(30), leaseEnd, 10))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.id()).isEqualTo(second.id());
                    assertThat(m.attempts()).isEqualTo(1);
                });
    }
}
