package dev.bookshop.application.account.service;

import dev.bookshop.application.mail.port.out.OutboxMail;
import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.domain.auth.AccountToken;
import dev.bookshop.domain.user.Email;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes the mails that carry account links, in plain text and HTML. Each is keyed by its token, so one token is
 * mailed once, however often the transaction that queues it is retried or however many instances run.
 */
final class AccountMails {

    private final IdGenerator ids;
    private final AccountSettings settings;

    AccountMails(IdGenerator ids, AccountSettings settings) {
        this.ids = ids;
        this.settings = settings;
    }

    OutboxMail passwordReset(AccountToken token, String rawToken, Email to, Instant now) {
        return mail(
                "password-reset:" + token.id(),
                to,
                "Reset your Bookshop password",
                "Someone asked to reset the password of your Bookshop account.",
                "Choose a new password",
                settings.passwordResetLink(rawToken),
                "The link works once, for " + human(settings.passwordResetTtl())
                        + ". If you did not ask for it, ignore this mail: your password stays as it is.",
                now);
    }

    OutboxMail emailVerification(AccountToken token, String rawToken, Email to, Instant now) {
        return mail(
                "email-verification:" + token.id(),
                to,
                "Confirm your Bookshop email address",
                "Please confirm that this address belongs to your Bookshop account.",
                "Confirm my address",
                settings.emailVerificationLink(rawToken),
                "The link works once, for " + human(settings.emailVerificationTtl()) + ".",
                now);
    }

    OutboxMail emailChange(AccountToken token, String rawToken, Instant now) {
        return mail(
                "email-change:" + token.id(),
                token.newEmail(),
                "Confirm your new Bookshop email address",
                "Someone asked to move a Bookshop account to this address.",
                "Move my account to this address",
                settings.emailVerificationLink(rawToken),
                "The link works once, for " + human(settings.emailVerificationTtl())
                        + ". Until it is followed the account keeps its old address; if you did not ask for this,"
                        + " ignore this mail.",
                now);
    }

    private OutboxMail mail(
            String dedupeKey,
            Email to,
            String subject,
            String intro,
            String action,
            String link,
            String outro,
            Instant now) {
        String text = intro + "\n\n" + action + ":\n" + link + "\n\n" + outro + "\n";
        String href = escape(link);
        String html = "<html><body><p>" + escape(intro) + "</p><p><a href=\"" + href + "\">" + escape(action)
                + "</a></p><p>" + href + "</p><p>" + escape(outro) + "</p></body></html>";
        return new OutboxMail(ids.newId(), dedupeKey, to, subject, text, html, now, 0);
    }

    private static String human(Duration d) {
        if (d.toDaysPart() > 0 && d.toHoursPart() == 0 && d.toMinutesPart() == 0) {
            return d.toDays() == 1 ? "1 day" : d.toDays() + " days";
        }
        if (d.toHours() > 0 && d.toMinutesPart() == 0) {
            return d.toHours() == 1 ? "1 hour" : d.toHours() + " hours";
        }
        long minutes = Math.max(1, d.toMinutes());
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
