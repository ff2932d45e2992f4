package io.maap.auditprogramme.audit.web;

import io.maap.auditprogramme.audit.command.EvaluateSuccessMeasure;
import io.maap.auditprogramme.audit.command.RecordDissemination;
import io.maap.auditprogramme.audit.command.SetSuccessMeasures;
import io.maap.support.security.Caller;

import io.maap.auditprogramme.audit.command.CloseAudit;
import io.maap.auditprogramme.audit.command.CloseReturns;
import io.maap.auditprogramme.audit.command.CompleteActivity;
import io.maap.auditprogramme.audit.command.DraftReport;
import io.maap.auditprogramme.audit.command.HoldChallengeDay;
import io.maap.auditprogramme.audit.command.RecordAnalysis;
import io.maap.auditprogramme.audit.command.RescheduleMilestone;
import io.maap.auditprogramme.audit.command.ScheduleChallengeDay;
import io.maap.auditprogramme.audit.command.SendChallengeDayAgenda;
import io.maap.auditprogramme.audit.command.SignOffReport;
import io.maap.auditprogramme.audit.command.StartMonitoring;
import io.maap.auditprogramme.audit.query.AuditQueries;
import io.maap.auditprogramme.config.PartnershipPolicies;
import io.maap.auditprogramme.audit.query.AuditView;
import io.maap.auditprogramme.programme.query.ProgrammeQueries;
import io.maap.events.auditprogramme.AuditCommissioned.SampledCase;
import io.maap.events.auditprogramme.Milestone;
import io.maap.support.domain.BoardDecision;
import io.maap.support.security.Caller;
import io.maap.support.security.MaapRole;
import io.maap.support.web.IdempotencyKeys;
import io.maap.support.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static io.maap.auditprogramme.audit.web.LifecycleRequests.Override.toOverride;

/**
 * Themed audits: plan, commission and every lifecycle step. Each step answers with the audit as
 * the query model now shows it; repeating a step with the same body changes nothing, so a
 * client may retry safely. A step the lifecycle does not allow yet is refused with 409. Each step
 * command carries today's date from the service's one clock, so the aggregate reads none.
 */
@RestController
public class AuditController {

    private final CommandGateway commands;
    private final AuditQueries audits;
    private final ProgrammeQueries programmes;
    private final Clock clock;
    private final PartnershipPolicies policies;
    private final CaseReferenceIssuer caseReferences;

    public AuditController(CommandGateway commands, AuditQueries audits, ProgrammeQueries programmes, Clock clock,
                           PartnershipPolicies policies, CaseReferenceIssuer caseReferences) {
        this.policies = policies;
        this.caseReferences = caseReferences;
        this.commands = commands;
        this.audits = audits;
        this.programmes = programmes;
        this.clock = clock;
    }

    @PostMapping("/api/programmes/{programmeId}/audits")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a themed audit in an agreed programme",
            description = "Scope, lead officer, timescale, key lines of enquiry, grading scale, planned sample, planned "
                    + "milestone dates and other activities. Nothing is sent to agencies until it is commissioned "
                    + "(POST /api/audits with the same auditId).")
    public AuditView plan(
            @PathVariable String programmeId,
            @Parameter(description = "Used to derive the audit id when the body has none")
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody PlanAuditRequest request) {
        if (!programmes.exists(programmeId)) {
            throw new NotFoundException("No programme '" + programmeId + "'.");
        }
        String auditId = IdempotencyKeys.idFor(request.auditId(), idempotencyKey);
        audits.requireIdFreeFor(auditId, "THEMED");
        commands.sendAndWait(request.toCommand(auditId, programmeId, Caller.require().userId()));
        return get(auditId);
    }

    @PostMapping("/api/audits")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Commission a themed audit",
            description = "Issues a case reference to each sampled case from the programme's sequence (e.g. RBR-1704-N03; "
                    + "answered in the response; a reference given must be one the programme issued before, else 422) and sends the tool and case sample to every participating agency; the "
                    + "return deadline is the "
                    + "15th working day after the tool is sent unless deadlineOverride says otherwise, with who and why. "
                    + "A planned audit is commissioned by giving its auditId. Retrying with the same auditId (or "
                    + "Idempotency-Key) and the same body creates nothing twice.")
    public CommissionedAuditResponse commission(
            @Parameter(description = "Used to derive the audit id when the body has none")
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody CommissionAuditRequest request) {
        String auditId = IdempotencyKeys.idFor(request.auditId(), idempotencyKey);
        audits.requireIdFreeFor(auditId, "THEMED");
        List<SampledCase> sample = caseReferences.issue(request.programmeId(), auditId, request.theme().strip(),
                request.toolSentOn(), request.sample());
        commands.sendAndWait(request.toCommand(auditId, policies.inForceOn(request.toolSentOn()), sample));
        return new CommissionedAuditResponse(auditId, sample);
    }

    /** The audit commissioned, with the case references the partnership issued to its sample, in the order asked. */
    public record CommissionedAuditResponse(String auditId, List<SampledCase> cases) {
    }

    @GetMapping("/api/audits/{auditId}")
    @Operation(summary = "An audit: plan, tool, sample, status, milestones planned and actual, challenge day, steps taken")
    public AuditView get(@PathVariable String auditId) {
        return audits.find(auditId).orElseThrow(() -> new NotFoundException("No audit '" + auditId + "'."));
    }

    @PostMapping("/api/audits/{auditId}/returns-closed")
    @Operation(summary = "Close the returns of a commissioned audit",
            description = "The final submission date starts the window of 15 working days for the challenge day.")
    public AuditView closeReturns(@PathVariable String auditId, @Valid @RequestBody LifecycleRequests.CloseReturns request) {
        commands.sendAndWait(new CloseReturns(auditId, request.finalSubmissionOn(), request.closedBy().strip(), today()));
        return get(auditId);
    }

    @PostMapping("/api/audits/{auditId}/analysed")
    @Operation(summary = "Record the QA group's analysis of the returns (after returns are closed)")
    public AuditView recordAnalysis(@PathVariable String auditId, @Valid @RequestBody LifecycleRequests.Step request) {
        commands.sendAndWait(new RecordAnalysis(auditId, request.on(), request.by().strip(), today()));
        return get(auditId);
    }

    @PutMapping("/api/audits/{auditId}/challenge-day")
    @Operation(summary = "Schedule or move the challenge day",
            description = "A working day after the final submission date (or the return deadline while returns are "
                    + "open) and within 15 working days of it, unless an override says who decided otherwise and why. "
                    + "The agenda is due 2 working days before.")
    public AuditView scheduleChallengeDay(@PathVariable String auditId,
                                          @Valid @RequestBody LifecycleRequests.ScheduleChallengeDay request) {
        commands.sendAndWait(new ScheduleChallengeDay(auditId, request.challengeDayOn(),
                request.chair() == null ? null : request.chair().strip(), toOverride(request.override())));
        return get(auditId);
    }

    @PostMapping("/api/audits/{auditId}/challenge-day/agenda-sent")
    @Operation(summary = "Record that the agenda of the scheduled challenge day went out to the participating agencies",
            description = "By the QA coordinator or the audit's lead, recorded as sent by them, on sentOn (today when "
                    + "absent; never in the future, never after the challenge day). The agenda is due 2 working days "
                    + "before the day (the policy's lead time); a later agenda is accepted with an override saying who "
                    + "decided and why. The agencies are told (notification-service). Sending it again for a moved "
                    + "day records it again; repeating the same request changes nothing.")
    public AuditView sendChallengeDayAgenda(@PathVariable String auditId,
                                            @Valid @RequestBody LifecycleRequests.AgendaSent request) {
        commands.sendAndWait(new SendChallengeDayAgenda(auditId, request.sentOn() == null ? today() : request.sentOn(),
                Caller.require().userId(), toOverride(request.override()), today()));
        return get(auditId);
    }

    @PostMapping("/api/audits/{auditId}/challenge-day-held")
    @Operation(summary = "Record the challenge day as held (after the analysis)",
            description = "Within 15 working days of the final submission date, with the agenda out 2 working days "
                    + "before, unless an override says who decided otherwise and why.")
    public AuditView holdChallengeDay(@PathVariable String auditId,
                                      @Valid @RequestBody LifecycleRequests.HoldChallengeDay request) {
        commands.sendAndWait(new HoldChallengeDay(auditId, request.heldOn(), request.chair().strip(),
                request.agendaSentOn(), toOverride(request.override()), today()));
        return get(auditId);
    }

    @PostMapping("/api/audits/{auditId}/report-drafted")
    @Operation(summary = "Record the audit report as drafted (after the challenge day)")
    public AuditView draftReport(@PathVariable String auditId, @Valid @RequestBody LifecycleRequests.Step request) {
        commands.sendAndWait(new DraftReport(auditId, request.on(), request.by().strip(), today()));
        return get(auditId);
    }

    @PostMapping("/api/audits/{auditId}/signed-off")
    @Operation(summary = "Record the Board's sign-off of the drafted report",
            description = "The Board's decision: a Board member records it, or the QA coordinator naming the meeting "
                    + "(boardMeeting, e.g. \"LSCB Executive Board, 20 September 2017\").")
    public AuditView signOff(@PathVariable String auditId, @Valid @RequestBody LifecycleRequests.SignOff request) {
        commands.sendAndWait(new SignOffReport(auditId, request.on(), request.by().strip(), today(),
                new BoardDecision(Caller.require().has(MaapRole.BOARD_MEMBER), request.boardMeeting())));
        return get(auditId);
    }

    @PostMapping("/api/audits/{auditId}/monitoring-started")
    @Operation(summary = "Start monitoring the action plan of a signed-off audit")
    public AuditView startMonitoring(@PathVariable String auditId, @Valid @RequestBody LifecycleRequests.Step request) {
        commands.sendAndWait(new StartMonitoring(auditId, request.on(), request.by().strip(), today()));
        return get(auditId);
    }

    @PostMapping("/api/audits/{auditId}/closed")
    @Operation(summary = "Close a monitored audit with its evaluation")
    public AuditView close(@PathVariable String auditId, @Valid @RequestBody LifecycleRequests.CloseAudit request) {
        commands.sendAndWait(new CloseAudit(auditId, request.closedOn(), request.closedBy().strip(),
                request.evaluation().strip(), today()));
        return get(auditId);
    }

    @PutMapping("/api/audits/{auditId}/success-measures")
    @Operation(summary = "Set or replace the audit's success measures (until the first is evaluated)",
            description = "Usually set when the audit is planned (successMeasures on the plan); each is evaluated before "
                    + "the audit closes. The caller is recorded.")
    public AuditView setSuccessMeasures(@PathVariable String auditId,
                                        @Valid @RequestBody LifecycleRequests.SuccessMeasures request) {
        requireExists(auditId);
        commands.sendAndWait(new SetSuccessMeasures(auditId,
                request.measures().stream().map(PlanAuditRequest.SuccessMeasureBody::toMeasure).toList(),
                Caller.require().userId()));
        return get(auditId);
    }

    @PostMapping("/api/audits/{auditId}/success-measures/{measureId}/evaluation")
    @Operation(summary = "Evaluate one success measure: met, partly met or not met, with its evidence",
            description = "Once the report is signed off and before the audit closes; a later evaluation supersedes an "
                    + "earlier one. The caller is recorded.")
    public AuditView evaluateSuccessMeasure(@PathVariable String auditId, @PathVariable String measureId,
                                            @Valid @RequestBody LifecycleRequests.Evaluation request) {
        requireExists(auditId);
        commands.sendAndWait(new EvaluateSuccessMeasure(auditId, measureId, request.outcome(), request.evidence().strip(),
                request.evaluatedOn(), request.evaluatedBy().strip(), Caller.require().userId(), today()));
        return get(auditId);
    }

    @PostMapping("/api/audits/{auditId}/disseminations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record what of the audit's learning was sent, through which channel, to whom and when",
            description = "Once the report is signed off and before the audit closes; the audit closes only after at "
                    + "least one. The same disseminationId again with the same body changes nothing. The caller is recorded.")
    public AuditView recordDissemination(@PathVariable String auditId,
                                         @Valid @RequestBody LifecycleRequests.Dissemination request) {
        requireExists(auditId);
        commands.sendAndWait(new RecordDissemination(auditId, request.disseminationId(), request.channel(),
                request.what().strip(), request.sentTo().strip(), request.sentOn(), Caller.require().userId(), today()));
        return get(auditId);
    }

    @PutMapping("/api/audits/{auditId}/milestones/{milestone}")
    @Operation(summary = "Move the planned date of a milestone not yet reached, saying who decided and why")
    public AuditView rescheduleMilestone(@PathVariable String auditId, @PathVariable Milestone milestone,
                                         @Valid @RequestBody LifecycleRequests.RescheduleMilestone request) {
        commands.sendAndWait(new RescheduleMilestone(auditId, milestone, request.planned().toPlannedDate(),
                request.decidedBy().strip(), request.reason().strip()));
        return get(auditId);
    }

    @PostMapping("/api/audits/{auditId}/activities/{activityId}/completed")
    @Operation(summary = "Record one of the audit's other planned activities as completed")
    public AuditView completeActivity(@PathVariable String auditId, @PathVariable String activityId,
                                      @Valid @RequestBody LifecycleRequests.CompleteActivity request) {
        commands.sendAndWait(new CompleteActivity(auditId, activityId, request.completedOn(), today()));
        return get(auditId);
    }

    private void requireExists(String auditId) {
        get(auditId);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
