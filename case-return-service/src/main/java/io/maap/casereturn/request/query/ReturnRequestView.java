package io.maap.casereturn.request.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.maap.events.CaseType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One return request as its agency and the partnership see it now. A view made for a new request
 * is inserted without first being looked for again (it is {@link Persistable} and new until stored
 * or loaded): Spring Data would otherwise merge it, one more query per request in the fan-out.
 */
@Entity
@Table(name = "return_request_view", indexes = {
        @Index(name = "return_request_view_agency", columnList = "agency, status"),
        @Index(name = "return_request_view_audit", columnList = "auditId")})
public class ReturnRequestView implements Persistable<String> {

    /** Where a request stands. OUTSTANDING and SENT_BACK wait for the agency; AWAITING_QA for the partnership. */
    public enum Status { OUTSTANDING, AWAITING_QA, SENT_BACK, ACCEPTED }

    @Id
    String returnRequestId;
    String auditId;
    String programmeId;
    String caseReference;
    @Enumerated(EnumType.STRING)
    CaseType caseType;
    String agency;
    LocalDate requestedOn;
    LocalDate dueDate;
    LocalDate reminderDate;
    @Enumerated(EnumType.STRING)
    Status status;
    int latestVersion;
    boolean nilReturn;
    String acknowledgedBy;
    Instant acknowledgedAt;
    String caseHolder;
    String lineManager;
    String auditor;
    boolean reminded;
    LocalDate overdueFrom;
    LocalDate originalDueDate;
    @Column(length = 2000)
    String extensionReason;
    String extensionApprovedBy;
    @Column(length = 8000)
    String sentBackReasons;
    String acceptedBy;
    Instant acceptedAt;
    int openSafeguardingConcerns;
    @Transient
    private boolean fresh = true;

    protected ReturnRequestView() {
    }

    @Override
    @JsonIgnore
    public String getId() {
        return returnRequestId;
    }

    @Override
    @JsonIgnore
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }

    public String getReturnRequestId() { return returnRequestId; }
    public String getAuditId() { return auditId; }
    public String getProgrammeId() { return programmeId; }
    public String getCaseReference() { return caseReference; }
    public CaseType getCaseType() { return caseType; }
    public String getAgency() { return agency; }
    public LocalDate getRequestedOn() { return requestedOn; }
    public LocalDate getDueDate() { return dueDate; }
    public LocalDate getReminderDate() { return reminderDate; }
    public Status getStatus() { return status; }
    public int getLatestVersion() { return latestVersion; }
    public boolean isNilReturn() { return nilReturn; }
    public String getAcknowledgedBy() { return acknowledgedBy; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public String getCaseHolder() { return caseHolder; }
    public String getLineManager() { return lineManager; }
    public String getAuditor() { return auditor; }
    public boolean isReminded() { return reminded; }
    public LocalDate getOverdueFrom() { return overdueFrom; }
    public LocalDate getOriginalDueDate() { return originalDueDate; }
    public String getExtensionReason() { return extensionReason; }
    public String getExtensionApprovedBy() { return extensionApprovedBy; }
    public String getSentBackReasons() { return sentBackReasons; }
    public String getAcceptedBy() { return acceptedBy; }
    public Instant getAcceptedAt() { return acceptedAt; }
    public int getOpenSafeguardingConcerns() { return openSafeguardingConcerns; }
}
