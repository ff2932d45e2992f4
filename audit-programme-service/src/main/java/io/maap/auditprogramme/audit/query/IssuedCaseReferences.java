package io.maap.auditprogramme.audit.query;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;

public interface IssuedCaseReferences extends JpaRepository<IssuedCaseReference, String>, IssuedCaseReferenceInsertion {

    List<IssuedCaseReference> findByAuditIdOrderBySamplePositionAsc(String auditId);

    /** Those of {@code references} that were issued (by any programme): ids only, no entities loaded. */
    @Query("select r.caseReference from IssuedCaseReference r where r.caseReference in :references")
    List<String> takenAmong(@Param("references") Collection<String> references);

    /** The last number the programme's sequence gave, 0 before the first. */
    @Query("select coalesce(max(r.sequenceNumber), 0) from IssuedCaseReference r where r.programmeId = :programmeId")
    int lastSequenceNumber(@Param("programmeId") String programmeId);
}
