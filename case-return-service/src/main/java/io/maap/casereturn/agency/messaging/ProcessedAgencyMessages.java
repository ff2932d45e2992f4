package io.maap.casereturn.agency.messaging;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProcessedAgencyMessages extends JpaRepository<ProcessedAgencyMessage, String> {
}
