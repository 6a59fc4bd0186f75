package dev.bookshop.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.bookshop.application.mail.port.out.MailDeliveryException;
import dev.bookshop.domain.user.Email;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP mailer against a real SMTP server in the test's process (GreenMail, on a free port). */
class SmtpMailerTest {

    private static final String FROM = "Bookshop <no-reply@bookshop.test>";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("shop@bookshop.test", "shop", "s3cret"));

    @Test
    void aMailArrivesOnceWithItsTextAndHtmlVersions() throws Exception {
        SmtpMailer mailer = new SmtpMailer(settings(Optional.empty(), Optional.empty()));

        mailer.send(
                Email.of("ann@example.com"),
                "Your order is paid — Ümlaut",
                "Thank you for your order.",
                "<p>Thank you for your <b>order</b>.</p>");

        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Your order is paid — Ümlaut");
        assertThat(mail.getRecipients(Message.RecipientType.TO))
                .containsExactly(new InternetAddress("ann@example.com"));
        assertThat(mail.getFrom()).containsExactly(new InternetAddress(FROM));
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.isMimeType("text/plain")).isTrue();
        assertThat(((String) text.getContent()).strip()).isEqualTo("Thank you for your order.");
        assertThat(html.isMimeType("text/html")).isTrue();
        assertThat(((String) html.getContent()).strip()).isEqualTo("<p>Thank you for your <b>order</b>.</p>");
    }

    @RegisterExtension
    static final GreenMailExtension smtps = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("shop@bookshop.test", "shop", "s3cret"));

    @Test
    void aConfiguredUserLogsInWithItsPassword() throws Exception {
        SmtpMailer mailer = new SmtpMailer(SmtpSettings.of(
                "127.0.0.1",
                smtp.getSmtp().getPort(),
                Optional.of("shop"),
                Optional.of("s3cret"),
                FROM,
                SmtpSettings.Tls.STARTTLS_OPTIONAL));

        mailer.send(Email.of("bob@example.com"), "Paid", "text", "<p>html</p>");

        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(smtp.getReceivedMessages()[0].getRecipients(Message.RecipientType.TO))
                .containsExactly(new InternetAddress("bob@example.com"));
    }

    @Test
    void aWrongPasswordIsADeliveryFailure() {
        SmtpMailer mailer = new SmtpMailer(settings(Optional.of("shop"), Optional.of("wrong")));

        assertThatThrownBy(() -> mailer.send(Email.of("bob@example.com"), "Paid", "text", "<p>html</p>"))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageNotContaining("wrong");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aUserWithoutATlsPolicyNeverLogsInOverAPlainConnection() {
        // This server offers no STARTTLS, as a man in the middle who strips the offer would make it look.
        SmtpMailer mailer = new SmtpMailer(settings(Optional.of("shop"), Optional.of("s3cret")));

        assertThatThrownBy(() -> mailer.send(Email.of("bob@example.com"), "Paid", "text", "<p>html</p>"))
                .as("a delivery failure the outbox retries, not a login in clear")
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("STARTTLS")
                .hasMessageNotContaining("s3cret");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void implicitTlsDeliversOverSmtpsAndLogsIn() throws Exception {
        SmtpSettings settings = SmtpSettings.of(
                "127.0.0.1",
                smtps.getSmtps().getPort(),
                Optional.of("shop"),
                Optional.of("s3cret"),
                FROM,
                SmtpSettings.Tls.TLS);
        SmtpMailer mailer = new SmtpMailer(settings, trustingGreenMailsCertificate());

        mailer.send(Email.of("cyd@example.com"), "Paid", "text", "<p>html</p>");

        assertThat(smtps.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(smtps.getReceivedMessages()[0].getRecipients(Message.RecipientType.TO))
                .containsExactly(new InternetAddress("cyd@example.com"));
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void implicitTlsRefusesAnUntrustedCertificate() {
        SmtpMailer mailer = new SmtpMailer(SmtpSettings.of(
                "127.0.0.1",
                smtps.getSmtps().getPort(),
                Optional.of("shop"),
                Optional.of("s3cret"),
                FROM,
                SmtpSettings.Tls.TLS));

        assertThatThrownBy(() -> mailer.send(Email.of("cyd@example.com"), "Paid", "text", "<p>html</p>"))
                .isInstanceOf(MailDeliveryException.class);
        assertThat(smtps.getReceivedMessages()).isEmpty();
    }

    @Test
    void implicitTlsDoesNotSpeakPlainSmtp() {
        SmtpMailer mailer = new SmtpMailer(
                new SmtpSettings(
                        "127.0.0.1",
                        smtp.getSmtp().getPort(),
                        Optional.empty(),
                        Optional.empty(),
                        FROM,
                        SmtpSettings.Tls.TLS,
                        Duration.ofSeconds(2)),
                trustingGreenMailsCertificate());

        assertThatThrownBy(() -> mailer.send(Email.of("ann@example.com"), "Paid", "text", "<p>html</p>"))
                .isInstanceOf(MailDeliveryException.class);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    /** GreenMail's certificate is self-signed for no host name; production keeps the JDK's trust and checks. */
    private static Properties trustingGreenMailsCertificate() {
        Properties trust = new Properties();
        trust.put("mail.smtp.ssl.trust", "127.0.0.1");
        trust.put("mail.smtp.ssl.checkserveridentity", "false");
        return trust;
    }

    @Test
    void requiredStartTlsIsRefusedByAServerThatDoesNotOfferIt() {
        SmtpMailer mailer = new SmtpMailer(new SmtpSettings(
                "127.0.0.1",
                smtp.getSmtp().getPort(),
                Optional.empty(),
                Optional.empty(),
                FROM,
                SmtpSettings.Tls.STARTTLS_REQUIRED,
                SmtpSettings.DEFAULT_TIMEOUT));

        assertThatThrownBy(() -> mailer.send(Email.of("ann@example.com"), "Paid", "text", "<p>html</p>"))
                .isInstanceOf(MailDeliveryException.class);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsDownIsADeliveryFailureTheOutboxCanRetry() throws IOException {
        int unusedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            unusedPort = socket.getLocalPort();
        }
        SmtpMailer mailer = new SmtpMailer(new SmtpSettings(
                "127.0.0.1",
                unusedPort,
                Optional.empty(),
                Optional.empty(),
                FROM,
                SmtpSettings.Tls.STARTTLS_OPTIONAL,
                Duration.ofSeconds(2)));

        assertThatThrownBy(() -> mailer.send(Email.of("ann@example.com"), "Paid", "text", "<p>html</p>"))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("127.0.0.1:" + unusedPort);
    }

    @Test
    void aMailWithoutHtmlIsSentAsText() throws Exception {
        new SmtpMailer(settings(Optional.empty(), Optional.empty()))
                .send(Email.of("ann@example.com"), "Plain", "only text", null);

        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMultipart parts = (MimeMultipart) smtp.getReceivedMessages()[0].getContent();
        assertThat(parts.getCount()).isEqualTo(1);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
    }

    @Test
    void anInvalidSenderIsRefusedAtStartUpNotAtFirstMail() {
        assertThatThrownBy(() -> new SmtpMailer(
                        SmtpSettings.of("localhost", 25, Optional.empty(), Optional.empty(), "not an address")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sender");
    }

    private static SmtpSettings settings(Optional<String> user, Optional<String> password) {
        return SmtpSettings.of("127.0.0.1", smtp.getSmtp().getPort(), user, password, FROM);
    }
}
