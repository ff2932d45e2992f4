package io.maap.casereturn.request.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface ReturnVersionViews extends JpaRepository<ReturnVersionView, String> {

    List<ReturnVersionView> findByReturnRequestIdOrderByVersionAsc(String returnRequestId);
}
