package dev.bookshop.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.bookshop.adapters.payments.fake.FakePaymentGateway;
import dev.bookshop.adapters.persistence.memory.InMemoryPersistence;
import dev.bookshop.application.account.port.out.PasswordHasher;
import dev.bookshop.application.account.port.out.TokenGenerator;
import dev.bookshop.application.shared.port.in.UseCases;
import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import dev.bookshop.application.shared.service.BookshopServices;
import dev.bookshop.application.shared.service.ShopSettings;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.PasswordHash;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The housekeeping job is scheduled, purges, and says so in one INFO line. */
class BackgroundJobsTest {

    private static final PasswordHasher PLAIN = new PasswordHasher() {
        @Override
        public PasswordHash hash(Password password) {
            return new PasswordHash("plain$" + password.reveal());
        }

        @Override
        public boolean matches(Password password, PasswordHash hash) {
            return hash(password).equals(hash);
        }
    };

    @Test
    void theHousekeepingJobPurgesADeadSessionAndLogsOneLine() throws InterruptedException {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T10:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        PersistencePorts store = InMemoryPersistence.create();
        UseCases shop = BookshopServices.create(
                store,
                PLAIN,
                new FakePaymentGateway(),
                (to, subject, text, html) -> {},
                clock,
                IdGenerator.random(),
                TokenGenerator.secureRandom(),
                ShopSettings.defaults());
        shop.signUp().signUp(Email.of("ann@bookshop.test"), Password.chosen("correct horse battery"));
        String token =
                shop.logIn().logIn("ann@bookshop.test", "correct horse battery").refreshToken();
        now.set(now.get().plus(Duration.ofDays(31)));
        Logger logger = (Logger) LoggerFactory.getLogger(BackgroundJobs.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);

        try (BackgroundJobs jobs = BackgroundJobs.start(shop, Duration.ofMinutes(30), Duration.ofMillis(50))) {
            // Bounded wait for the scheduler's first rounds; nothing here asserts on time.
            for (int i = 0;
                    i < 200
                            && store.refreshTokens()
                                    .findByHash(TokenHash.of(token))
                                    .isPresent();
                    i++) {
                Thread.sleep(25);
            }
            Thread.sleep(200);
        } finally {
            logger.detachAppender(log);
        }

        assertThat(store.refreshTokens().findByHash(TokenHash.of(token))).isEmpty();
        List<String> purged = log.list.stream()
                .filter(e -> e.getLevel() == Level.INFO)
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("Housekeeping"))
                .toList();
        assertThat(purged)
                .as("one line for the round that deleted, none for the empty ones after it")
                // Signup's verification link expired too (it lives two days) and goes in the same round.
                .containsExactly("Housekeeping purged 1 refresh tokens, 1 account tokens");
    }
}
