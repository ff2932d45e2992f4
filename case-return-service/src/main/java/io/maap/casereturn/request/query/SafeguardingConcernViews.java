package io.maap.casereturn.request.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface SafeguardingConcernViews extends JpaRepository<SafeguardingConcernView, String> {

    List<SafeguardingConcernView> findByReturnRequestIdOrderByRaisedAtAsc(String returnRequestId);

    List<SafeguardingConcernView> findByUrgentTrueOrderByRaisedAtAsc();

    List<SafeguardingConcernView> findByAgencyAndUrgentTrueOrderByRaisedAtAsc(String agency);
}
