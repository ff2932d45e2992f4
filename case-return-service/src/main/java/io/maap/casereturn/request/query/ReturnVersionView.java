package io.maap.casereturn.request.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
 * One submitted version of a return, with its answers and the partnership's verdict on it. Never overwritten by a later version.
 * A version made by the projection is new ({@link Persistable}): saving it inserts it without first
 * looking for it, which Spring Data does for any entity whose id is assigned (a query per submission).
 */
@Entity
@Table(name = "return_version_view", indexes = @Index(name = "return_version_view_request", columnList = "returnRequestId, version"))
public class ReturnVersionView implements Persistable<String> {

    public enum Verdict { ACCEPTED, SENT_BACK }

    @Id
    String id;
    String returnRequestId;
    int version;
    boolean nilReturn;
    String submittedBy;
    String auditor;
    Instant submittedAt;
    LocalDate submittedOn;
    LocalDate dueDate;
    int workingDaysLate;
    String channel;
    @Column(length = 1_000_000)
    String answersJson;
    LocalDate noInvolvementFrom;
    LocalDate noInvolvementTo;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    Verdict verdict;
    @Column(length = 8000)
    String sentBackReasons;
    String verdictBy;
    Instant verdictAt;
    /** Read from or written to the table: saving it again updates it. */
    @Transient
    private boolean stored;

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }

    protected ReturnVersionView() {
    }

    static String idOf(String returnRequestId, int version) {
        return returnRequestId + "/" + version;
    }

    public String getReturnRequestId() { return returnRequestId; }
    public int getVersion() { return version; }
    public boolean isNilReturn() { return nilReturn; }
    public String getSubmittedBy() { return submittedBy; }
    public String getAuditor() { return auditor; }
    public Instant getSubmittedAt() { return submittedAt; }
    public LocalDate getSubmittedOn() { return submittedOn; }
    public LocalDate getDueDate() { return dueDate; }
    public int getWorkingDaysLate() { return workingDaysLate; }
    public String getChannel() { return channel; }
    public String getAnswersJson() { return answersJson; }
    public LocalDate getNoInvolvementFrom() { return noInvolvementFrom; }
    public LocalDate getNoInvolvementTo() { return noInvolvementTo; }
    public Verdict getVerdict() { return verdict; }
    public String getSentBackReasons() { return sentBackReasons; }
    public String getVerdictBy() { return verdictBy; }
    public Instant getVerdictAt() { return verdictAt; }
}
