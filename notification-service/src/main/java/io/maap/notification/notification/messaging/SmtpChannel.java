package io.maap.notification.notification.messaging;

import io.maap.notification.rules.command.Message;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Plain email over SMTP through Spring Boot mail ({@code spring.mail.*}). Urgent messages are
 * marked high importance. Each message's {@code Message-ID} is made from the notification's id
 * (itself derived from its key), so a message sent again after a crash (accepted by the server,
 * not yet marked sent here) carries the same Message-ID as the first, and mail systems that drop
 * duplicates by Message-ID, or a reader, can tell it is the same message.
 */
public class SmtpChannel implements Channel {

    private final JavaMailSender mail;
    private final String from;

    public SmtpChannel(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    /** The notification's Message-ID: {@code <notification-id@sender's domain>}, the same on every attempt. */
    public static String messageId(String reference, String from) {
        int at = from.lastIndexOf('@');
        String domain = at < 0 || at == from.length() - 1 ? "maap.invalid" : from.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return "<" + reference + "@" + (domain.isEmpty() ? "maap.invalid" : domain) + ">";
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
        // Spring's JavaMailSenderImpl keeps a Message-ID set before sending (JavaMail would make a new one).
        mime.setHeader("Message-ID", messageId(reference, from));
        mime.setHeader("X-MAAP-Kind", kind);
        mail.send(mime);
    }
}
