package io.maap.actionplan.learning.query;

import org.springframework.data.jpa.repository.JpaRepository;

public interface KnownAudits extends JpaRepository<KnownAudit, String> {
}
