package io.maap.actionplan.audit.query;

import org.springframework.data.jpa.repository.JpaRepository;

public interface KnownAudits extends JpaRepository<KnownAudit, String> {
}
