package dev.bookshop.adapters.persistence.contract.usecases.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.persistence.contract.usecases.RecordingMailer.Sent;
import dev.bookshop.adapters.persistence.contract.usecases.UseCaseTestBase;
import dev.bookshop.application.account.port.in.Session;
import dev.bookshop.application.account.service.AccountSettings;
import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Password resets, address verification and address changes: each by a single-use token mailed through the outbox.
 * The tests follow the links in the mails, as a customer would. Every adapter subclasses it once.
 */
public abstract class AccountRecoveryUseCases extends UseCaseTestBase {

    private static final String NEW_PASSWORD = "a brand new passphrase";
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    // ---- verification ---------------------------------------------------------------------------------------

    @Test
    void signupMailsOneVerificationLinkInTextAndHtmlThatVerifiesTheAddress() {
        User user = signUp();

        Sent mail = onlyMailTo(user.email());
        assertThat(mail.subject()).containsIgnoringCase("confirm");
        assertThat(mail.textBody()).contains("http://localhost:3000/verify-email?token=");
        assertThat(mail.htmlBody()).contains("<a href=\"http://localhost:3000/verify-email?token=");
        assertThat(shop.currentUser().currentUser(user.id()).isEmailVerified()).isFalse();

        shop.verifyEmail().verifyEmail(tokenIn(mail));

        assertThat(shop.currentUser().currentUser(user.id()).isEmailVerified()).isTrue();
        assertThat(shop.deliverMail().deliverDueMail()).isZero();
    }

    @Test
    void aVerificationLinkWorksOnce() {
        User user = signUp();
        String token = tokenIn(onlyMailTo(user.email()));
        shop.verifyEmail().verifyEmail(token);

        assertRefused(() -> shop.verifyEmail().verifyEmail(token), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void anExpiredVerificationLinkIsRefused() {
        User user = signUp();
        String token = tokenIn(onlyMailTo(user.email()));
        clock.advance(AccountSettings.DEFAULT_EMAIL_VERIFICATION_TTL);

        assertRefused(() -> shop.verifyEmail().verifyEmail(token), ErrorCode.INVALID_TOKEN);
        assertThat(shop.currentUser().currentUser(user.id()).isEmailVerified()).isFalse();
    }

    @Test
    void unknownBlankAndTamperedTokensAreRefusedAlike() {
        User user = signUp();
        String token = tokenIn(onlyMailTo(user.email()));
        String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

        assertRefused(() -> shop.verifyEmail().verifyEmail(tampered), ErrorCode.INVALID_TOKEN);
        assertRefused(() -> shop.verifyEmail().verifyEmail(""), ErrorCode.INVALID_TOKEN);
        assertRefused(() -> shop.verifyEmail().verifyEmail(null), ErrorCode.INVALID_TOKEN);
        assertRefused(
                () -> shop.resetPassword().resetPassword("no such token", Password.chosen(NEW_PASSWORD)),
                ErrorCode.INVALID_TOKEN);
    }

    @Test
    void aResendMailsANewLinkUntilTheAddressIsVerified() {
        User user = signUp();
        tokenIn(onlyMailTo(user.email()));

        shop.resendVerification().resendVerification(user.id());
        String second = tokenIn(onlyMailTo(user.email()));
        shop.verifyEmail().verifyEmail(second);

        assertRefused(() -> shop.resendVerification().resendVerification(user.id()), ErrorCode.EMAIL_ALREADY_VERIFIED);
        assertThat(shop.deliverMail().deliverDueMail()).isZero();
    }

    @Test
    void theOperatorsAdminCountsAsVerified() {
        assertThat(shop.currentUser().currentUser(admin.id()).isEmailVerified()).isTrue();
        assertRefused(() -> shop.resendVerification().resendVerification(admin.id()), ErrorCode.EMAIL_ALREADY_VERIFIED);
    }

    @Test
    void aDeactivatedAccountsLinksNoLongerWork() {
        User user = signUp();
        String token = tokenIn(onlyMailTo(user.email()));
        deactivate(user);

        assertRefused(() -> shop.verifyEmail().verifyEmail(token), ErrorCode.INVALID_TOKEN);
    }

    // ---- password reset -------------------------------------------------------------------------------------

    @Test
    void aResetSetsTheNewPasswordAndEndsEverySession() {
        User user = customer();
        Session elsewhere = shop.logIn().logIn(user.email().value(), PASSWORD);

        shop.requestPasswordReset().requestPasswordReset(user.email().value());
        Sent mail = onlyMailTo(user.email());
        assertThat(mail.textBody()).contains("http://localhost:3000/reset-password?token=");
        assertThat(mail.htmlBody()).contains("<a href=\"http://localhost:3000/reset-password?token=");
        shop.resetPassword().resetPassword(tokenIn(mail), Password.chosen(NEW_PASSWORD));

        assertRefused(() -> shop.logIn().logIn(user.email().value(), PASSWORD), ErrorCode.INVALID_CREDENTIALS);
        assertThat(shop.logIn().logIn(user.email().value(), NEW_PASSWORD).user().id())
                .isEqualTo(user.id());
        assertRefused(() -> shop.refreshSession().refresh(elsewhere.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
    }

    @Test
    void aResetLinkWorksOnceAndTakesTheOtherResetLinksWithIt() {
        User user = customer();
        shop.requestPasswordReset().requestPasswordReset(user.email().value());
        String first = tokenIn(onlyMailTo(user.email()));
        shop.requestPasswordReset().requestPasswordReset(user.email().value());
        String second = tokenIn(onlyMailTo(user.email()));

        shop.resetPassword().resetPassword(second, Password.chosen(NEW_PASSWORD));

        assertRefused(
                () -> shop.resetPassword().resetPassword(second, Password.chosen("yet another passphrase")),
                ErrorCode.INVALID_TOKEN);
        assertRefused(
                () -> shop.resetPassword().resetPassword(first, Password.chosen("yet another passphrase")),
                ErrorCode.INVALID_TOKEN);
        assertThat(shop.logIn().logIn(user.email().value(), NEW_PASSWORD)).isNotNull();
    }

    @Test
    void aResetLinkExpiresAfterItsLifetime() {
        User user = customer();
        shop.requestPasswordReset().requestPasswordReset(user.email().value());
        String token = tokenIn(onlyMailTo(user.email()));
        clock.advance(AccountSettings.DEFAULT_PASSWORD_RESET_TTL);

        assertRefused(
                () -> shop.resetPassword().resetPassword(token, Password.chosen(NEW_PASSWORD)),
                ErrorCode.INVALID_TOKEN);
        assertThat(shop.logIn().logIn(user.email().value(), PASSWORD)).isNotNull();
    }

    @Test
    void aTokenWorksForItsOwnPurposeOnly() {
        User user = signUp();
        String verification = tokenIn(onlyMailTo(user.email()));
        shop.requestPasswordReset().requestPasswordReset(user.email().value());
        String reset = tokenIn(onlyMailTo(user.email()));

        assertRefused(
                () -> shop.resetPassword().resetPassword(verification, Password.chosen(NEW_PASSWORD)),
                ErrorCode.INVALID_TOKEN);
        assertRefused(() -> shop.verifyEmail().verifyEmail(reset), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void aResetForAnAddressWithoutAnActiveAccountSaysNothingAndMailsNothing() {
        User gone = customer();
        deactivate(gone);

        shop.requestPasswordReset().requestPasswordReset(uniqueEmail("nobody").value());
        shop.requestPasswordReset().requestPasswordReset(gone.email().value());
        shop.requestPasswordReset().requestPasswordReset("not an email");
        shop.requestPasswordReset().requestPasswordReset(null);

        assertThat(shop.deliverMail().deliverDueMail()).isZero();
        assertThat(mailer.sent()).isEmpty();
    }

    @Test
    void twoConfirmsOfOneResetLinkAtOnceLetExactlyOneWin() throws Exception {
        User user = customer();
        shop.requestPasswordReset().requestPasswordReset(user.email().value());
        String token = tokenIn(onlyMailTo(user.email()));
        List<Callable<Boolean>> confirms = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String password = NEW_PASSWORD + " " + i;
            confirms.add(() -> {
                try {
                    shop.resetPassword().resetPassword(token, Password.chosen(password));
                    return true;
                } catch (DomainException e) {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TOKEN);
                    return false;
                }
            });
        }

        assertThat(race(confirms)).containsOnlyOnce(true);
    }

    // ---- email change ---------------------------------------------------------------------------------------

    @Test
    void anEmailChangeMovesTheAccountOnlyWhenTheNewAddressConfirms() {
        User user = signUp();
        String oldVerification = tokenIn(onlyMailTo(user.email()));
        Email next = uniqueEmail("moved");

        shop.changeEmail().requestEmailChange(user.id(), next, PASSWORD);
        Sent mail = onlyMailTo(next);
        assertThat(shop.currentUser().currentUser(user.id()).email()).isEqualTo(user.email());

        shop.verifyEmail().verifyEmail(tokenIn(mail));

        User moved = shop.currentUser().currentUser(user.id());
        assertThat(moved.email()).isEqualTo(next);
        assertThat(moved.isEmailVerified()).isTrue();
        assertThat(shop.logIn().logIn(next.value(), PASSWORD).user().id()).isEqualTo(user.id());
        // A link mailed to the old address must not act on the moved account.
        assertRefused(() -> shop.verifyEmail().verifyEmail(oldVerification), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void anEmailChangeNeedsThePasswordAndAFreeAddress() {
        User user = customer();
        User other = customer();

        assertRefused(
                () -> shop.changeEmail().requestEmailChange(user.id(), uniqueEmail("moved"), "wrong password"),
                ErrorCode.INVALID_CREDENTIALS);
        assertRefused(
                () -> shop.changeEmail().requestEmailChange(user.id(), other.email(), PASSWORD), ErrorCode.EMAIL_TAKEN);
        assertThat(shop.deliverMail().deliverDueMail()).isZero();
    }

    @Test
    void anAddressTakenMeanwhileKeepsTheOldAddress() {
        User user = customer();
        Email next = uniqueEmail("contested");
        shop.changeEmail().requestEmailChange(user.id(), next, PASSWORD);
        String token = tokenIn(onlyMailTo(next));
        shop.signUp().signUp(next, Password.chosen(PASSWORD));

        assertRefused(() -> shop.verifyEmail().verifyEmail(token), ErrorCode.EMAIL_TAKEN);

        User kept = shop.currentUser().currentUser(user.id());
        assertThat(kept.email()).isEqualTo(user.email());
        assertThat(kept.isEmailVerified()).isFalse();
    }

    // ---- checkout -------------------------------------------------------------------------------------------

    @Test
    void aShopThatRequiresVerifiedAddressesRefusesUnverifiedCustomersAtCheckout() {
        reopenShop(settings(), AccountSettings.defaults().withRequireVerifiedEmail(true));
        User user = signUp();
        add(user, book("Verified reading", 1_000, 5), 1);

        assertRefused(() -> checkout(user), ErrorCode.EMAIL_NOT_VERIFIED);

        shop.verifyEmail().verifyEmail(tokenIn(onlyMailTo(user.email())));
        assertThat(checkout(user).order().status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void byDefaultUnverifiedCustomersMayCheckOut() {
        User user = customer();
        add(user, book("Unverified reading", 1_000, 5), 1);

        assertThat(checkout(user).order().status()).isEqualTo(OrderStatus.PAID);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private User signUp() {
        return shop.signUp().signUp(uniqueEmail("reader"), Password.chosen(PASSWORD));
    }

    /** Delivers what is due and answers the one mail that went to {@code to} since the last call. */
    private Sent onlyMailTo(Email to) {
        int seen = mailer.sent().size();
        shop.deliverMail().deliverDueMail();
        List<Sent> fresh = mailer.sent().subList(seen, mailer.sent().size()).stream()
                .filter(m -> m.to().equals(to))
                .toList();
        assertThat(fresh).as("mails to " + to).hasSize(1);
        return fresh.getFirst();
    }

    private static String tokenIn(Sent mail) {
        Matcher text = TOKEN.matcher(mail.textBody());
        assertThat(text.find()).as("a link in " + mail.textBody()).isTrue();
        Matcher html = TOKEN.matcher(mail.htmlBody());
        assertThat(html.find()).isTrue();
        assertThat(html.group(1)).isEqualTo(text.group(1));
        return text.group(1);
    }
}
