package io.maap.casereturn.access.query;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;

public interface AccessRecords extends JpaRepository<AccessRecord, Long> {

    @Query("""
            select r from AccessRecord r
            where (:returnRequestId is null or r.returnRequestId = :returnRequestId)
              and (:userId is null or r.userId = :userId)
              and (:auditId is null or r.auditId = :auditId)
              and (:returnAgency is null or r.returnAgency = :returnAgency)
              and r.accessedAt >= :from and r.accessedAt < :to
            order by r.accessedAt desc, r.id desc""")
    Page<AccessRecord> search(@Param("returnRequestId") String returnRequestId, @Param("userId") String userId,
                              @Param("auditId") String auditId, @Param("returnAgency") String returnAgency,
                              @Param("from") Instant from, @Param("to") Instant to, Pageable page);
}
