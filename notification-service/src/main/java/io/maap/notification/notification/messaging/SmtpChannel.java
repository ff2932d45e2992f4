package io.maap.notification.notification.messaging;

import io.maap.notification.rules.command.Message;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Plain email over SMTP through Spring Boot mail ({@code spring.mail.*}). Urgent messages are marked high importance. */
public class SmtpChannel implements Channel {

    private final JavaMailSender mail;
    private final String from;

    public SmtpChannel(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public String name() {
        return "SMTP";
    }

    @Override
    public void send(String address, String kind, Message message, String reference) throws Exception {
        InternetAddress to;
        try {
            to = new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new PermanentFailure("not a valid email address", e);
        }
        MimeMessage mime = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(message.subject());
        helper.setText(message.body(), false);
        if (message.urgent()) {
            helper.setPriority(1);
            mime.setHeader("Importance", "High");
        }
        mime.setHeader("X-MAAP-Notification", reference);
        mime.setHeader("X-MAAP-Kind", kind);
        mail.send(mime);
    }
}
