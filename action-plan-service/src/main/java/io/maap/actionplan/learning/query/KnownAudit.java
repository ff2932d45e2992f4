package io.maap.actionplan.learning.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;

/** A commissioned audit this service has learnt of. */
@Entity
@Table(name = "known_audit")
public class KnownAudit {

    @Id
    private String auditId;
    private String programmeId;
    @Column(length = 500)
    private String title;
    private String theme;
    @Column(length = 2000)
    private String agencies;

    protected KnownAudit() {
    }

    KnownAudit(String auditId, String programmeId, String title, String theme, List<String> agencies) {
        this.auditId = auditId;
        this.programmeId = programmeId;
        this.title = title;
        this.theme = theme;
        this.agencies = Lists.join(agencies);
    }

    public String getAuditId() {
        return auditId;
    }

    public String getProgrammeId() {
        return programmeId;
    }

    public String getTitle() {
        return title;
    }

    public String getTheme() {
        return theme;
    }

    public List<String> getParticipatingAgencies() {
        return Lists.split(agencies);
    }
}
