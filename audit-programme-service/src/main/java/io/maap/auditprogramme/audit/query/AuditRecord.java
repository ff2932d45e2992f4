package io.maap.auditprogramme.audit.query;

import io.maap.support.messaging.EventJson;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** One row per audit in the query table; the view itself is kept as a JSON document. */
@Entity
@Table(name = "audit_view", indexes = @Index(name = "audit_view_programme", columnList = "programmeId"))
public class AuditRecord {

    @Id
    private String auditId;
    private String programmeId;
    private String status;
    @Column(length = 1_000_000)
    private String document;

    protected AuditRecord() {
    }

    public AuditRecord(String auditId) {
        this.auditId = auditId;
    }

    public AuditView view() {
        return document == null ? new AuditView() : EventJson.mapper().readValue(document, AuditView.class);
    }

    public void update(AuditView view) {
        this.programmeId = view.programmeId;
        this.status = view.status;
        this.document = EventJson.mapper().writeValueAsString(view);
    }
}
