package io.maap.casereturn.agency.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** An agency message already dealt with, by its {@code source} and {@code id}, and what became of it. */
@Entity
@Table(name = "processed_agency_message")
public class ProcessedAgencyMessage {

    @Id
    String messageKey;
    @Column(length = 500)
    String source;
    @Column(length = 500)
    String messageId;
    String type;
    boolean accepted;
    String code;
    @Column(length = 4000)
    String reason;
    String returnRequestId;
    Instant processedAt;
    boolean outcomePublished;

    protected ProcessedAgencyMessage() {
    }

    ProcessedAgencyMessage(String source, String messageId, String type, boolean accepted, String code, String reason,
                           String returnRequestId, Instant processedAt) {
        this.messageKey = keyOf(source, messageId);
        // What a rejected message claimed may be anything: kept only as far as the columns take it.
        this.source = fit(source, 500);
        this.messageId = fit(messageId, 500);
        this.type = fit(type, 255);
        this.accepted = accepted;
        this.code = fit(code, 255);
        this.reason = fit(reason, 4000);
        this.returnRequestId = returnRequestId;
        this.processedAt = processedAt;
    }

    /** At most {@code max} characters, control characters (which PostgreSQL text may not hold, like NUL) as '?'. */
    static String fit(String value, int max) {
        if (value == null) {
            return null;
        }
        String cut = value.length() <= max ? value : value.substring(0, max - 3) + "...";
        StringBuilder clean = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return clean.toString();
    }

    static String keyOf(String source, String messageId) {
        return UUID.nameUUIDFromBytes((source + '\u001f' + messageId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
