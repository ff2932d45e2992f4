package io.maap.casereturn.casenumber.query;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AgencyCaseNumbers extends JpaRepository<AgencyCaseNumber, String> {
}
