package dev.bookshop.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.bookshop.domain.user.Email;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogMailerTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(LogMailer.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    @Test
    void writesRecipientSubjectAndTextToTheLog() {
        new LogMailer().send(Email.of("ann@example.com"), "Your order is paid", "Thank you, Ann.", "<p>html</p>");

        assertThat(appender.list)
                .singleElement()
                .satisfies(event -> assertThat(event.getFormattedMessage())
                        .contains("ann@example.com")
                        .contains("Your order is paid")
                        .contains("Thank you, Ann."));
    }
}
