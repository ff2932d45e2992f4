package io.maap.actionplan.learning.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface Findings extends JpaRepository<FindingView, String> {
    List<FindingView> findByAuditIdOrderByRecordedOnAscFindingIdAsc(String auditId);
}
