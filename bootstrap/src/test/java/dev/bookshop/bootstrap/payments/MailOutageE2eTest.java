package dev.bookshop.bootstrap.payments;

import static dev.bookshop.bootstrap.payments.StripeShop.event;
import static dev.bookshop.bootstrap.payments.StripeShop.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.bookshop.bootstrap.TestServer.Response;
import dev.bookshop.bootstrap.payments.StripeShop.OutboxRow;
import dev.bookshop.bootstrap.payments.StripeShop.Purchase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A mail server that is down when an order is paid: the payment goes through, and the confirmation follows once the
 * server is back. The outbox retries 15 s after the first failure, so this class takes about 20 s.
 */
class MailOutageE2eTest {

    /** The outbox's first retry comes 15 s after the failure; the mail job looks every 2 s. */
    private static final Duration RETRY_WAIT = Duration.ofSeconds(60);

    private static DeadMailServer deadServer;
    private static int smtpPort;
    private static StripeShop shop;
    private static GreenMail smtp;

    @BeforeAll
    static void start() {
        deadServer = DeadMailServer.start();
        smtpPort = deadServer.port();
        shop = StripeShop.start(Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(smtpPort)));
    }

    @AfterAll
    static void stop() {
        try {
            shop.close();
        } finally {
            deadServer.close();
            if (smtp != null) {
                smtp.stop();
            }
        }
    }

    @Test
    void aPaymentSucceedsWhileTheMailServerIsDownAndItsConfirmationArrivesOnceTheServerIsBack() throws Exception {
        Purchase purchase = shop.newPurchase(shop.newBook("Dead Letter", 1400, 2), 1);

        Response delivered = shop.deliver(event("payment_intent.succeeded", purchase));

        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        assertThat(shop.status(purchase)).isEqualTo("PAID");
        // The mail job has tried, failed, and put the mail back for later.
        eventually(
                Duration.ofSeconds(30),
                () -> assertThat(shop.outbox(purchase.buyer())).singleElement().satisfies(row -> {
                    assertThat(row.sent()).isFalse();
                    assertThat(row.attempts()).isPositive();
                    assertThat(row.lastError()).contains("127.0.0.1:" + smtpPort);
                }));

        deadServer.close();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        eventually(
                RETRY_WAIT,
                () -> assertThat(smtp.getReceivedMessagesForDomain(
                                purchase.buyer().email()))
                        .anySatisfy(mail -> assertThat(mail.getSubject()).contains(purchase.orderId())));
        assertThat(smtp.getReceivedMessagesForDomain(purchase.buyer().email()))
                .filteredOn(mail -> !subjectOf(mail).startsWith("Confirm your"))
                .singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).contains(purchase.orderId()));
        OutboxRow row = shop.outbox(purchase.buyer()).getFirst();
        assertThat(shop.outbox(purchase.buyer())).hasSize(1);
        assertThat(row.sent()).isTrue();
        assertThat(shop.status(purchase)).isEqualTo("PAID");
    }

    private static String subjectOf(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The mail server's port while the server is down: every connection is accepted and hung up at once, so each
     * delivery attempt fails straight away. Holding the port (rather than leaving it free) keeps any other process
     * from taking it before GreenMail does: a free port in the ephemeral range can become someone's outgoing one.
     */
    private static final class DeadMailServer implements AutoCloseable {

        private final ServerSocket socket;

        private DeadMailServer(ServerSocket socket) {
            this.socket = socket;
        }

        static DeadMailServer start() {
            try {
                ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                Thread.ofPlatform().daemon().name("dead-mail-server").start(() -> {
                    while (!socket.isClosed()) {
                        try {
                            // Hung up without a greeting: the client's SMTP handshake fails.
                            socket.accept().close();
                        } catch (IOException e) {
                            // Closed: the server is "back" (GreenMail takes the port over).
                        }
                    }
                });
                return new DeadMailServer(socket);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
