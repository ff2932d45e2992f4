package io.maap.notification.notification.messaging;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.maap.notification.rules.command.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/** SMTP to GreenMail: a message sent again (the crash window) carries the same Message-ID, made from the notification's id. */
class SmtpChannelTest {

    GreenMail smtp;
    SmtpChannel channel;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        channel = new SmtpChannel(sender, "maap-no-reply@lscb.example");
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void aResentMessageHasTheSameMessageIdAsTheFirst() throws Exception {
        Message message = new Message("Reminder: 1 return due", "Body", false);
        String id = "0f8fad5b-d9cb-369f-a165-70867728950e";

        channel.send("spoc@met.example", "REMINDER", message, id);
        channel.send("spoc@met.example", "REMINDER", message, id);
        channel.send("spoc@met.example", "REMINDER", message, "another-notification");

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(received[0].getMessageID()).isEqualTo("<" + id + "@lscb.example>");
        assertThat(received[1].getMessageID()).isEqualTo(received[0].getMessageID());
        assertThat(received[2].getMessageID()).isEqualTo("<another-notification@lscb.example>");
        assertThat(received[0].getHeader("X-MAAP-Notification")).containsExactly(id);
    }
}
