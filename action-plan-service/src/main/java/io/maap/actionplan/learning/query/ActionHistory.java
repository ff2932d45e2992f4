package io.maap.actionplan.learning.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface ActionHistory extends JpaRepository<ActionHistoryEntry, String> {
    List<ActionHistoryEntry> findByAuditIdAndActionIdOrderBySequence(String auditId, String actionId);
}
