package io.maap.auditprogramme.section11.web;

import io.maap.auditprogramme.audit.query.AuditQueries;
import io.maap.auditprogramme.audit.query.AuditView;
import io.maap.auditprogramme.programme.query.ProgrammeQueries;
import io.maap.auditprogramme.section11.command.CloseSection11Audit;
import io.maap.auditprogramme.section11.command.PlanSection11Audit;
import io.maap.auditprogramme.section11.command.PresentActionPlans;
import io.maap.auditprogramme.section11.command.RecordAgencyStep;
import io.maap.auditprogramme.section11.command.RecordMonitoringReview;
import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.DeliberateOverride;
import io.maap.support.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Section 11 audits: agencies' self-assessments, challenge panels, resubmission, action plans to
 * the Board, monitoring and closure. Read them with {@code GET /api/audits/{auditId}}. Each step
 * command carries today's date from the service's one clock, so the aggregate reads none.
 */
@RestController
public class Section11Controller {

    private final CommandGateway commands;
    private final AuditQueries audits;
    private final ProgrammeQueries programmes;
    private final Clock clock;

    public Section11Controller(CommandGateway commands, AuditQueries audits, ProgrammeQueries programmes, Clock clock) {
        this.commands = commands;
        this.audits = audits;
        this.programmes = programmes;
        this.clock = clock;
    }

    @PostMapping("/api/programmes/{programmeId}/section-11-audits")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a Section 11 audit in an agreed programme",
            description = "The agencies that self-assess, when it commences and is presented to the Executive, and "
                    + "its phases with their dates. Repeating the same request changes nothing.")
    public AuditView plan(@PathVariable String programmeId, @Valid @RequestBody Section11Requests.Plan request) {
        if (!programmes.exists(programmeId)) {
            throw new NotFoundException("No programme '" + programmeId + "'.");
        }
        audits.requireIdFreeFor(request.auditId(), "SECTION_11");
        List<AuditPlanned.Activity> phases = request.phases() == null ? List.of() : request.phases().stream()
                .map(a -> new AuditPlanned.Activity(a.activityId(), a.description().strip(), a.startsOn().toPlannedDate(),
                        a.endsOn() == null ? null : a.endsOn().toPlannedDate()))
                .toList();
        commands.sendAndWait(new PlanSection11Audit(request.auditId(), programmeId, request.title().strip(),
                request.businessPlanPriorities().stream().map(String::strip).toList(), request.leadOfficer().strip(),
                request.timescale().strip(), request.agencies(), request.commence().toPlannedDate(),
                request.presentedToExecutive().toPlannedDate(), phases));
        return get(request.auditId());
    }

    @PostMapping("/api/section-11-audits/{auditId}/agencies/{agency}/steps")
    @Operation(summary = "Record an agency's next step",
            description = "In order: SELF_ASSESSMENT_SUBMITTED, CHALLENGE_PANEL_HELD (by = the panel chair), "
                    + "SELF_ASSESSMENT_RESUBMITTED, ACTION_PLAN_RECEIVED (the plan itself lives in action-plan-service).")
    public AuditView recordStep(@PathVariable String auditId, @PathVariable String agency,
                                @Valid @RequestBody Section11Requests.AgencyStep request) {
        commands.sendAndWait(new RecordAgencyStep(auditId, agency, request.step(), request.on(),
                request.by() == null ? null : request.by().strip(), today()));
        return get(auditId);
    }

    @PostMapping("/api/section-11-audits/{auditId}/action-plans-presented")
    @Operation(summary = "Present the agencies' action plans to the Board",
            description = "Every agency's action plan must have been received, unless an override says who decided "
                    + "to go ahead without the missing ones and why.")
    public AuditView presentActionPlans(@PathVariable String auditId,
                                        @Valid @RequestBody Section11Requests.Presentation request) {
        DeliberateOverride override = request.override() == null ? null
                : new DeliberateOverride(request.override().decidedBy().strip(), request.override().reason().strip());
        commands.sendAndWait(new PresentActionPlans(auditId, request.on(), request.to().strip(), override, today()));
        return get(auditId);
    }

    @PostMapping("/api/section-11-audits/{auditId}/monitoring-reviews")
    @Operation(summary = "Record a Board meeting's review of the updated action plans")
    public AuditView recordReview(@PathVariable String auditId, @Valid @RequestBody Section11Requests.Review request) {
        commands.sendAndWait(new RecordMonitoringReview(auditId, request.on(), request.by().strip(), today()));
        return get(auditId);
    }

    @PostMapping("/api/section-11-audits/{auditId}/closed")
    @Operation(summary = "Close a monitored Section 11 audit with an evaluation of the process")
    public AuditView close(@PathVariable String auditId, @Valid @RequestBody Section11Requests.Closure request) {
        commands.sendAndWait(new CloseSection11Audit(auditId, request.closedOn(), request.closedBy().strip(),
                request.evaluation().strip(), today()));
        return get(auditId);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private AuditView get(String auditId) {
        return audits.find(auditId).orElseThrow(() -> new NotFoundException("No audit '" + auditId + "'."));
    }
}
