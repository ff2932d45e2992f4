package io.maap.auditprogramme.audit.query;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;

public interface CaseReferenceCounters extends JpaRepository<CaseReferenceCounter, String>, CaseReferenceCounterCreation {

    /** The programme's counter, locked until the transaction ends (select ... for update). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from CaseReferenceCounter c where c.programmeId = :programmeId")
    Optional<CaseReferenceCounter> lock(@Param("programmeId") String programmeId);
}
