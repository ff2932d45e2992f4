package io.maap.actionplan.learning.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface ActionPlans extends JpaRepository<ActionPlanView, String> {
    List<ActionPlanView> findByAuditIdOrderByPlanId(String auditId);
}
