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
        this.source = source;
        this.messageId = messageId;
        this.type = type;
        this.accepted = accepted;
        this.code = code;
        this.reason = reason;
        this.returnRequestId = returnRequestId;
        this.processedAt = processedAt;
    }

    static String keyOf(String source, String messageId) {
        return UUID.nameUUIDFromBytes((source + '\u001f' + messageId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
