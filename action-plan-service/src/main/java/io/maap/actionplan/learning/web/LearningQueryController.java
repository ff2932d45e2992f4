package io.maap.actionplan.learning.web;

import io.maap.actionplan.learning.query.ActionHistory;
import io.maap.actionplan.learning.query.ActionHistoryEntry;
import io.maap.actionplan.learning.query.ActionPlanView;
import io.maap.actionplan.learning.query.ActionPlans;
import io.maap.actionplan.learning.query.ActionView;
import io.maap.actionplan.learning.query.Actions;
import io.maap.actionplan.learning.query.FindingView;
import io.maap.actionplan.learning.query.Findings;
import io.maap.actionplan.learning.query.KnownAudit;
import io.maap.actionplan.learning.query.KnownAudits;
import io.maap.support.security.AgencyScope;
import io.maap.support.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.stream.Stream;

/** Reads from the service's query model, never from the aggregates. */
@RestController
@Tag(name = "Findings and action plans")
public class LearningQueryController {

    private final KnownAudits audits;
    private final Findings findings;
    private final ActionPlans plans;
    private final Actions actions;
    private final ActionHistory history;

    public LearningQueryController(KnownAudits audits, Findings findings, ActionPlans plans, Actions actions,
                                   ActionHistory history) {
        this.audits = audits;
        this.findings = findings;
        this.plans = plans;
        this.actions = actions;
        this.history = history;
    }

    @GetMapping("/api/audits/{auditId}")
    @Operation(summary = "An audit this service knows of", description = "404 until its commissioning has arrived.")
    public KnownAudit audit(@PathVariable String auditId) {
        return audits.findById(auditId).orElseThrow(() -> new NotFoundException(
                "Audit '" + auditId + "' is not known to action-plan-service (yet)."));
    }

    @GetMapping("/api/audits/{auditId}/findings")
    @Operation(summary = "The audit's findings, good practice and areas for improvement")
    public List<FindingView> findings(@PathVariable String auditId) {
        return findings.findByAuditIdOrderByRecordedOnAscFindingIdAsc(auditId);
    }

    @GetMapping("/api/audits/{auditId}/action-plans")
    @Operation(summary = "The audit's action plans with their actions")
    public List<PlanWithActions> plans(@PathVariable String auditId) {
        List<ActionView> all = actions.findByAuditIdOrderByDueDateAscActionIdAsc(auditId);
        return plans.findByAuditIdOrderByPlanId(auditId).stream()
                .map(plan -> new PlanWithActions(plan, all.stream()
                        .filter(action -> action.getPlanId().equals(plan.getPlanId())).toList()))
                .toList();
    }

    @GetMapping("/api/audits/{auditId}/actions/{actionId}")
    @Operation(summary = "One action with its full history", description = "Every progress update, request, missed "
            + "update, overdue flag, closure and reopening, oldest first.")
    public ActionWithHistory action(@PathVariable String auditId, @PathVariable String actionId) {
        ActionView action = actions.findById(auditId + "/" + actionId).orElseThrow(() -> noAction(auditId, actionId));
        AgencyScope.requireVisible(action.getOwningAgency(), () -> noAction(auditId, actionId));
        return new ActionWithHistory(action, history.findByAuditIdAndActionIdOrderBySequence(auditId, actionId));
    }

    @GetMapping("/api/actions")
    @Operation(summary = "Actions across audits", description = "Filter by programme, audit, owning agency, status "
            + "(OPEN or CLOSED) and overdue. A lead officer sees only their own agency's actions.")
    public List<ActionView> actions(@RequestParam(required = false) String programmeId,
                                    @RequestParam(required = false) String auditId,
                                    @RequestParam(name = "agency", required = false) String requestedAgency,
                                    @RequestParam(required = false) ActionView.Status status,
                                    @RequestParam(required = false) Boolean overdue) {
        String agency = AgencyScope.filter(requestedAgency);
        Stream<ActionView> all = auditId != null ? actions.findByAuditIdOrderByDueDateAscActionIdAsc(auditId).stream()
                : actions.findAllByOrderByDueDateAscActionIdAsc().stream();
        return all.filter(a -> programmeId == null || programmeId.equals(a.getProgrammeId()))
                .filter(a -> agency == null || agency.equals(a.getOwningAgency()))
                .filter(a -> status == null || status == a.getStatus())
                .filter(a -> overdue == null || overdue == a.isOverdue())
                .toList();
    }

    static NotFoundException noAction(String auditId, String actionId) {
        return new NotFoundException("Audit '" + auditId + "' has no action '" + actionId + "'.");
    }

    public record PlanWithActions(ActionPlanView plan, List<ActionView> actions) {
    }

    public record ActionWithHistory(ActionView action, List<ActionHistoryEntry> history) {
    }
}
