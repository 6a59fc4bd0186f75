package dev.bookshop.adapters.persistence.contract.usecases.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.persistence.contract.usecases.UseCaseTestBase;
import dev.bookshop.application.account.port.in.Session;
import dev.bookshop.application.account.port.out.TokenGenerator;
import dev.bookshop.application.housekeeping.port.in.PurgeReport;
import dev.bookshop.application.housekeeping.service.Retention;
import dev.bookshop.application.order.port.in.CheckoutResult;
import dev.bookshop.application.payment.port.in.PaymentEvent;
import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.application.shared.service.BookshopServices;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.user.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What housekeeping deletes and what it must keep: dead sessions go, a live session keeps even its expired rotated
 * tokens (reuse detection needs them), old webhook events, checkout keys and sent mail go after their retention.
 * Counts are at least what the test made: an adapter may share its database with the suite's other tests.
 */
public abstract class HousekeepingUseCases extends UseCaseTestBase {

    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void aFreshShopHasNothingToPurge() {
        customer();

        PurgeReport report = purge();

        assertThat(report.total()).isZero();
        assertThat(report.summary()).isEmpty();
    }

    @Test
    void aSessionWhoseTokensAllExpiredIsPurgedAndALiveOneIsKept() {
        User ann = customer();
        User bob = customer();
        Session old = logIn(ann);
        clock.advance(Duration.ofDays(20));
        Session recent = logIn(bob);
        clock.advance(Duration.ofDays(11));

        PurgeReport report = purge();

        assertThat(report.rows("refresh tokens")).isGreaterThanOrEqualTo(1);
        assertRefused(() -> shop.refreshSession().refresh(old.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
        assertThat(shop.refreshSession().refresh(recent.refreshToken()).user().id())
                .isEqualTo(bob.id());
    }

    @Test
    void anExpiredRotatedTokenOfALiveSessionIsKeptSoItsReuseStillEndsTheSession() {
        User ann = customer();
        Session stolen = logIn(ann);
        clock.advance(Duration.ofDays(20));
        Session current = shop.refreshSession().refresh(stolen.refreshToken());
        // The stolen token has expired; the session it belongs to has not.
        clock.advance(Duration.ofDays(15));

        purge();

        assertRefused(() -> shop.refreshSession().refresh(stolen.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
        assertRefused(() -> shop.refreshSession().refresh(current.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
    }

    @Test
    void aSessionPastItsMaxAgeIsPurgedThoughItWasRefreshedAllAlong() {
        User ann = customer();
        Session session = logIn(ann);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofDays(25));
            session = shop.refreshSession().refresh(session.refreshToken());
        }
        Session last = session;
        clock.advance(Duration.ofDays(25));
        // Day 100: the session ended at day 90, and so did every token of it.

        PurgeReport report = purge();

        assertThat(report.rows("refresh tokens")).isGreaterThanOrEqualTo(4);
        assertRefused(() -> shop.refreshSession().refresh(last.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
    }

    @Test
    void manyBatchesAreWorkedOffInOneRound() {
        rewire(Retention.defaults().withBatchSize(2));
        User ann = customer();
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sessions.add(logIn(ann));
        }
        clock.advance(Duration.ofDays(31));

        PurgeReport report = purge();

        assertThat(report.rows("refresh tokens")).isGreaterThanOrEqualTo(7);
        assertThat(purge().total()).as("nothing left for the next round").isZero();
    }

    @Test
    void aCheckoutKeyAnswersItsOrderForADayThenIsForgotten() {
        User ann = customer();
        Product book = book("Kept", 900, 10);
        IdempotencyKey key = freshKey("housekeeping");
        add(ann, book, 1);
        CheckoutResult first = checkout(ann, key);

        clock.advance(Duration.ofHours(23));
        assertThat(purge().rows("idempotency keys")).isZero();
        assertThat(checkout(ann, key).order().id()).isEqualTo(first.order().id());

        clock.advance(Duration.ofHours(2));
        PurgeReport report = purge();

        assertThat(report.rows("idempotency keys")).isGreaterThanOrEqualTo(1);
        assertThat(store.orders().findById(first.order().id()))
                .as("the order stays")
                .isPresent();
    }

    @Test
    void aHandledPaymentEventIsRememberedForItsRetentionThenForgotten() {
        User ann = customer();
        Order pending = pendingOrder(ann, book("Paid", 1200, 5), 1);
        PaymentEvent paid = paymentEvent(
                PaymentEvent.Type.SUCCEEDED, pending, pending.paymentReference().orElseThrow());
        shop.handlePaymentEvent().handle(paid);

        clock.advance(Duration.ofDays(29));
        purge();
        assertThat(store.processedEvents().isProcessed(paid.provider(), paid.eventId()))
                .isTrue();

        clock.advance(Duration.ofDays(2));
        PurgeReport report = purge();

        assertThat(report.rows("processed payment events")).isGreaterThanOrEqualTo(1);
        assertThat(store.processedEvents().isProcessed(paid.provider(), paid.eventId()))
                .isFalse();
    }

    @Test
    void sentMailGoesAfterItsRetentionUnsentMailNever() {
        User ann = customer();
        Order sent = pendingOrder(ann, book("Sent", 1200, 5), 1);
        shop.handlePaymentEvent()
                .handle(paymentEvent(
                        PaymentEvent.Type.SUCCEEDED,
                        sent,
                        sent.paymentReference().orElseThrow()));
        assertThat(shop.deliverMail().deliverDueMail()).isEqualTo(1);
        mailer.down(true);
        Order unsent = pendingOrder(ann, book("Unsent", 1200, 5), 1);
        shop.handlePaymentEvent()
                .handle(paymentEvent(
                        PaymentEvent.Type.SUCCEEDED,
                        unsent,
                        unsent.paymentReference().orElseThrow()));
        shop.deliverMail().deliverDueMail();
        long unsentBefore = store.mailOutbox().countUnsent();

        clock.advance(Duration.ofDays(31));
        PurgeReport report = purge();

        assertThat(report.rows("sent mails")).isGreaterThanOrEqualTo(1);
        assertThat(store.mailOutbox().countUnsent()).isEqualTo(unsentBefore);
    }

    @Test
    void theSummaryNamesWhatWasPurged() {
        User ann = customer();
        logIn(ann);
        clock.advance(Duration.ofDays(31).plus(DAY));

        assertThat(purge().summary()).contains("refresh tokens");
    }

    private PurgeReport purge() {
        return shop.purgeExpiredData().purgeExpired();
    }

    private Session logIn(User user) {
        return shop.logIn().logIn(user.email().value(), PASSWORD);
    }

    private void rewire(Retention retention) {
        shop = BookshopServices.create(
                store,
                hasher,
                payments,
                mailer,
                clock,
                IdGenerator.random(),
                TokenGenerator.secureRandom(),
                settings(),
                retention);
    }
}
