package io.maap.casereturn.request.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

public interface ReturnRequestViews extends JpaRepository<ReturnRequestView, String> {

    List<ReturnRequestView> findByAgencyAndStatusInOrderByDueDateAscCaseReferenceAsc(String agency,
            Collection<ReturnRequestView.Status> statuses);

    List<ReturnRequestView> findByAgencyOrderByDueDateAscCaseReferenceAsc(String agency);

    List<ReturnRequestView> findByAuditIdOrderByCaseReferenceAscAgencyAsc(String auditId);
}
