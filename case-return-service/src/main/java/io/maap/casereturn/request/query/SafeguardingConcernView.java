package io.maap.casereturn.request.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An immediate safeguarding concern; urgent until the agency acknowledges it. */
@Entity
@Table(name = "safeguarding_concern_view")
public class SafeguardingConcernView {

    @Id
    String id;
    String returnRequestId;
    String concernId;
    String auditId;
    String programmeId;
    String caseReference;
    String agency;
    String raisedBy;
    Instant raisedAt;
    @Column(length = 4000)
    String summary;
    boolean urgent;
    String acknowledgedBy;
    Instant acknowledgedAt;
    @Column(length = 4000)
    String response;
    @Column(length = 32)
    String category;
    /** The other agencies to be told, comma-separated; null when none were named. */
    @Column(length = 2000)
    String agenciesToInform;

    protected SafeguardingConcernView() {
    }

    static String idOf(String returnRequestId, String concernId) {
        return returnRequestId + "/" + concernId;
    }

    public String getReturnRequestId() { return returnRequestId; }
    public String getConcernId() { return concernId; }
    public String getAuditId() { return auditId; }
    public String getProgrammeId() { return programmeId; }
    public String getCaseReference() { return caseReference; }
    public String getAgency() { return agency; }
    public String getRaisedBy() { return raisedBy; }
    public Instant getRaisedAt() { return raisedAt; }
    public String getSummary() { return summary; }
    public boolean isUrgent() { return urgent; }
    public String getAcknowledgedBy() { return acknowledgedBy; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public String getResponse() { return response; }
    public String getCategory() { return category; }
    public java.util.List<String> getAgenciesToInform() {
        return agenciesToInform == null ? java.util.List.of() : java.util.List.of(agenciesToInform.split(","));
    }

    /**
     * Whether agency staff of {@code agency} see this concern: it was raised on their agency's
     * return, or names their agency among the agencies to be told (Hackney's process directs a
     * concern to the other agencies concerned; reporting's concerns view shows the same).
     */
    public boolean visibleToAgency(String agency) {
        return agency.equals(getAgency()) || getAgenciesToInform().contains(agency);
    }
}
