package dev.bookshop.adapters.persistence.contract.usecases.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.persistence.contract.usecases.UseCaseTestBase;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Delivering the mail the other use cases queue. Every adapter subclasses it once; each test makes its own users and books.
 */
public abstract class MailUseCases extends UseCaseTestBase {

    @Test
    void aMailServerOutageDelaysTheConfirmationButNeverLosesOrRepeatsIt() {
        User user = customer();
        add(user, book("Mailed", 100, 3), 1);
        mailer.down(true);

        assertThat(checkout(user).order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(shop.deliverMail().deliverDueMail()).isZero();

        mailer.down(false);
        assertThat(shop.deliverMail().deliverDueMail()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(shop.deliverMail().deliverDueMail()).isEqualTo(1);
        clock.advance(Duration.ofHours(2));
        assertThat(shop.deliverMail().deliverDueMail()).isZero();
        assertThat(mailer.sent()).hasSize(1);
    }
}
