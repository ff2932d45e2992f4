package io.maap.reporting.businessplan.web;

import io.maap.reporting.businessplan.query.AuditLearningViews;
import io.maap.reporting.businessplan.query.BusinessPlanViews;
import io.maap.reporting.projection.query.ViewStores;
import io.maap.support.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The Board's papers on the business plan and on what audits achieved: the plan with its
 * priorities' RAG history, the scorecard by priority, each audit's success measures and
 * dissemination, and recurring areas for improvement as training needs. Each takes {@code asAt}
 * (as recorded by an instant) or {@code asOf} (as it stood on a date).
 */
@RestController
@Validated
@RequestMapping("/api")
public class BusinessPlanViewsController {

    private final ViewStores views;
    private final BusinessPlanViews plans;
    private final AuditLearningViews learning;

    public BusinessPlanViewsController(ViewStores views, BusinessPlanViews plans, AuditLearningViews learning) {
        this.views = views;
        this.plans = plans;
        this.learning = learning;
    }

    @GetMapping("/business-plans")
    @Operation(summary = "The business plans, latest period first")
    public List<BusinessPlanViews.PlanSummary> plans(@RequestParam(required = false) Instant asAt,
                                                     @RequestParam(required = false) LocalDate asOf) {
        return plans.plans(views.view(asAt, asOf));
    }

    @GetMapping("/business-plans/{planId}")
    @Operation(summary = "A business plan: priorities with their actions, current RAG, every rating (who, when, why) and links",
            description = "A priority's current RAG is the latest rating of the latest quarter rated.")
    public BusinessPlanViews.PlanView plan(@PathVariable String planId, @RequestParam(required = false) Instant asAt,
                                           @RequestParam(required = false) LocalDate asOf) {
        return plans.plan(views.view(asAt, asOf), planId)
                .orElseThrow(() -> new NotFoundException("No business plan '" + planId + "'."));
    }

    @GetMapping("/business-plans/{planId}/scorecard")
    @Operation(summary = "The scorecard by priority: RAG per quarter and now, linked audits, findings and actions",
            description = "Actions are open, overdue (from the first working day after their due date) or closed; "
                    + "findings areas for improvement or good practice; audits with their stage.")
    public BusinessPlanViews.Scorecard scorecard(@PathVariable String planId, @RequestParam(required = false) Instant asAt,
                                                 @RequestParam(required = false) LocalDate asOf) {
        return plans.scorecard(views.view(asAt, asOf), planId)
                .orElseThrow(() -> new NotFoundException("No business plan '" + planId + "'."));
    }

    @GetMapping("/audit-learning")
    @Operation(summary = "Each themed audit's success measures (with their evaluation) and where its learning was sent",
            description = "unevaluated counts the measures not yet judged; channels lists the channels reached.")
    public List<AuditLearningViews.AuditLearning> auditLearning(@RequestParam(required = false) String programmeId,
                                                                @RequestParam(required = false) String auditId,
                                                                @RequestParam(required = false) Instant asAt,
                                                                @RequestParam(required = false) LocalDate asOf) {
        return learning.audits(views.view(asAt, asOf), programmeId, auditId);
    }

    @GetMapping("/training-needs")
    @Operation(summary = "Recurring areas for improvement as training needs",
            description = "Aspects found wanting in at least minAudits audits (default 2), with the audits whose learning "
                    + "has and has not yet gone to training providers.")
    public List<AuditLearningViews.TrainingNeed> trainingNeeds(@RequestParam(defaultValue = "2") @Min(1) @Max(100) int minAudits,
                                                               @RequestParam(required = false) Instant asAt,
                                                               @RequestParam(required = false) LocalDate asOf) {
        return learning.trainingNeeds(views.view(asAt, asOf), minAudits);
    }
}
