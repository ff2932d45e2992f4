package io.maap.actionplan.learning.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface Actions extends JpaRepository<ActionView, String> {

    List<ActionView> findByAuditIdOrderByDueDateAscActionIdAsc(String auditId);

    List<ActionView> findAllByOrderByDueDateAscActionIdAsc();
}
