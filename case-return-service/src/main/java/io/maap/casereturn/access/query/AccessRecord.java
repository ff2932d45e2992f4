package io.maap.casereturn.access.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/** One read of a return by a person: who, in which role and agency, what, when, in which request. */
@Entity
@Table(name = "return_access_record", indexes = {
        @Index(name = "return_access_by_request", columnList = "returnRequestId,accessedAt"),
        @Index(name = "return_access_by_user", columnList = "userId,accessedAt")})
public class AccessRecord {

    /** What was read. */
    public enum Subject { RETURN_REQUEST, VERSIONS, SAFEGUARDING_CONCERNS }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private Instant accessedAt;
    @Column(nullable = false, length = 128)
    private String userId;
    @Column(nullable = false, length = 32)
    private String role;
    @Column(length = 40)
    private String userAgency;
    @Column(nullable = false, length = 64)
    private String returnRequestId;
    @Column(nullable = false, length = 64)
    private String auditId;
    @Column(nullable = false, length = 40)
    private String returnAgency;
    @Column(nullable = false, length = 32)
    private String subject;
    @Column(length = 64)
    private String correlationId;

    protected AccessRecord() {
    }

    public AccessRecord(Instant accessedAt, String userId, String role, String userAgency, String returnRequestId,
                        String auditId, String returnAgency, Subject subject, String correlationId) {
        this.accessedAt = accessedAt;
        this.userId = userId;
        this.role = role;
        this.userAgency = userAgency;
        this.returnRequestId = returnRequestId;
        this.auditId = auditId;
        this.returnAgency = returnAgency;
        this.subject = subject.name();
        this.correlationId = correlationId;
    }

    public Long getId() {
        return id;
    }

    public Instant getAccessedAt() {
        return accessedAt;
    }

    public String getUserId() {
        return userId;
    }

    public String getRole() {
        return role;
    }

    public String getUserAgency() {
        return userAgency;
    }

    public String getReturnRequestId() {
        return returnRequestId;
    }

    public String getAuditId() {
        return auditId;
    }

    public String getReturnAgency() {
        return returnAgency;
    }

    public String getSubject() {
        return subject;
    }

    public String getCorrelationId() {
        return correlationId;
    }
}
