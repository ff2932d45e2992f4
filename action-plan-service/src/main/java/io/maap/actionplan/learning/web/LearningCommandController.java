package io.maap.actionplan.learning.web;

import io.maap.actionplan.learning.command.AddAction;
import io.maap.actionplan.learning.command.AgreeActionPlan;
import io.maap.actionplan.learning.command.CloseAction;
import io.maap.support.domain.BoardDecision;
import io.maap.support.security.Caller;
import io.maap.support.security.MaapRole;
import io.maap.actionplan.learning.command.ConfirmActionClosure;
import io.maap.actionplan.learning.command.ProposeActionClosure;
import io.maap.actionplan.learning.command.ReturnClosureProposal;
import io.maap.actionplan.learning.command.DisseminateActionPlan;
import io.maap.actionplan.learning.command.DraftActionPlan;
import io.maap.actionplan.learning.command.RecogniseGoodPractice;
import io.maap.actionplan.learning.command.RecordFinding;
import io.maap.actionplan.learning.command.ReopenAction;
import io.maap.actionplan.learning.command.ReportProgress;
import io.maap.actionplan.learning.command.StartMonitoringRound;
import io.maap.actionplan.learning.web.Requests.AddActionRequest;
import io.maap.actionplan.learning.web.Requests.AgreeActionPlanRequest;
import io.maap.actionplan.learning.web.Requests.CloseActionRequest;
import io.maap.actionplan.learning.web.Requests.ConfirmClosureRequest;
import io.maap.actionplan.learning.web.Requests.DisseminateActionPlanRequest;
import io.maap.actionplan.learning.web.Requests.DraftActionPlanRequest;
import io.maap.actionplan.learning.web.Requests.ProposeClosureRequest;
import io.maap.actionplan.learning.web.Requests.RecogniseGoodPracticeRequest;
import io.maap.actionplan.learning.web.Requests.RecordFindingRequest;
import io.maap.actionplan.learning.web.Requests.ReopenActionRequest;
import io.maap.actionplan.learning.web.Requests.ReportProgressRequest;
import io.maap.actionplan.learning.web.Requests.ReturnClosureRequest;
import io.maap.actionplan.learning.web.Requests.StartMonitoringRoundRequest;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.security.AgencyScope;
import io.maap.support.web.IdempotencyKeys;
import io.maap.support.web.Patterns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The commands of the learning half of an audit: findings, action plans, monitoring and closure.
 * Every create takes a client-supplied id (or an Idempotency-Key), and every command can be
 * retried: repeating it with the same content changes nothing. What a lead officer sends on an
 * action names them ({@link AgencyScope#actor()}), and the aggregate refuses another agency's
 * action as not found, from its own state: the read model, which lags, is not asked.
 */
@RestController
@Tag(name = "Findings and action plans")
@RequestMapping("/api/audits/{auditId}")
public class LearningCommandController {

    static final int DEFAULT_MONITORING_INTERVAL_MONTHS = 3;
    static final int DEFAULT_UPDATE_WORKING_DAYS = 10;

    private final CommandGateway commands;
    private final Clock clock;
    private final WorkingDayCalendar calendar;

    public LearningCommandController(CommandGateway commands, Clock clock, WorkingDayCalendar calendar) {
        this.commands = commands;
        this.clock = clock;
        this.calendar = calendar;
    }

    public record Created(String auditId, String id) {
    }

    @PostMapping("/findings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a finding of the audit",
            description = "Good practice or an area for improvement, under one aspect of the partnership's taxonomy. "
                    + "Refused (409, code audit-unknown) while the audit's commissioning is not known to this service.")
    public Created recordFinding(@PathVariable @Pattern(regexp = Patterns.ID) String auditId,
                                 @Parameter(description = "Derives the finding id when the body has none")
                                 @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                                 @Valid @RequestBody RecordFindingRequest request) {
        String findingId = IdempotencyKeys.idFor(request.findingId(), idempotencyKey);
        commands.sendAndWait(new RecordFinding(auditId, findingId, request.aspect(), request.kind(),
                orEmpty(request.agencies()), orEmpty(request.references()), request.summary().strip(),
                request.recommendation().strip(), request.recordedBy().strip(), orToday(request.recordedOn())));
        return new Created(auditId, findingId);
    }

    @PostMapping("/findings/{findingId}/recognition")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Recognise a good-practice finding (the chair's letter)")
    public Created recognise(@PathVariable String auditId, @PathVariable String findingId,
                             @Valid @RequestBody RecogniseGoodPracticeRequest request) {
        commands.sendAndWait(new RecogniseGoodPractice(auditId, findingId, request.recognisedBy().strip(),
                orToday(request.recognisedOn()), request.note()));
        return new Created(auditId, findingId);
    }

    @PostMapping("/action-plans")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft an action plan",
            description = "The audit's plan, or with 'agency' one agency's own plan (Section 11). One plan per agency.")
    public Created draftPlan(@PathVariable @Pattern(regexp = Patterns.ID) String auditId,
                             @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                             @Valid @RequestBody DraftActionPlanRequest request) {
        String planId = IdempotencyKeys.idFor(request.planId(), idempotencyKey);
        commands.sendAndWait(new DraftActionPlan(auditId, planId, request.agency(), request.title().strip(),
                request.draftedBy().strip(), orToday(request.draftedOn())));
        return new Created(auditId, planId);
    }

    @PostMapping("/action-plans/{planId}/actions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an action to a draft plan")
    public Created addAction(@PathVariable String auditId, @PathVariable String planId,
                             @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                             @Valid @RequestBody AddActionRequest request) {
        String actionId = IdempotencyKeys.idFor(request.actionId(), idempotencyKey);
        commands.sendAndWait(new AddAction(auditId, planId, actionId, request.description().strip(),
                request.owningAgency(), request.lead().strip(), request.dueDate(), orEmpty(request.addressesFindings()),
                request.successMeasure().strip(), orToday(request.addedOn())));
        return new Created(auditId, actionId);
    }

    @PostMapping("/action-plans/{planId}/agreement")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the Board's agreement of a plan", description = "Monitoring rounds then follow, "
            + "quarterly unless monitoringIntervalMonths says otherwise.")
    public Created agree(@PathVariable String auditId, @PathVariable String planId,
                         @Valid @RequestBody AgreeActionPlanRequest request) {
        int interval = request.monitoringIntervalMonths() == null ? DEFAULT_MONITORING_INTERVAL_MONTHS
                : request.monitoringIntervalMonths();
        commands.sendAndWait(new AgreeActionPlan(auditId, planId, request.agreedBy().strip(), orToday(request.agreedOn()),
                interval, board(request.boardMeeting())));
        return new Created(auditId, planId);
    }

    @PostMapping("/action-plans/{planId}/dissemination")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that an agreed plan was sent to partners")
    public Created disseminate(@PathVariable String auditId, @PathVariable String planId,
                               @Valid @RequestBody DisseminateActionPlanRequest request) {
        commands.sendAndWait(new DisseminateActionPlan(auditId, planId, request.disseminatedTo(),
                request.disseminatedBy().strip(), orToday(request.disseminatedOn())));
        return new Created(auditId, planId);
    }

    @PostMapping("/action-plans/{planId}/monitoring-rounds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask every open action's owner for an update now",
            description = "Beside the automatic quarterly rounds, e.g. before a Board meeting. Updates not given by "
                    + "updateDueBy are marked missed.")
    public Created startRound(@PathVariable String auditId, @PathVariable String planId,
                              @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                              @Valid @RequestBody StartMonitoringRoundRequest request) {
        String roundId = IdempotencyKeys.idFor(request.roundId(), idempotencyKey);
        LocalDate requestedOn = orToday(request.requestedOn());
        LocalDate dueBy = request.updateDueBy() != null ? request.updateDueBy()
                : calendar.addWorkingDays(requestedOn, DEFAULT_UPDATE_WORKING_DAYS);
        commands.sendAndWait(new StartMonitoringRound(auditId, planId, roundId, requestedOn, dueBy));
        return new Created(auditId, roundId);
    }

    @PostMapping("/actions/{actionId}/progress-updates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report an action's progress with a RAG status",
            description = "Each report is a new record; earlier reports are never changed.")
    public Created reportProgress(@PathVariable String auditId, @PathVariable String actionId,
                                  @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                                  @Valid @RequestBody ReportProgressRequest request) {
        String updateId = IdempotencyKeys.idFor(request.updateId(), idempotencyKey);
        commands.sendAndWait(new ReportProgress(auditId, actionId, updateId, request.rag(), request.note().strip(),
                request.reportedBy().strip(), orToday(request.reportedOn()), AgencyScope.actor()));
        return new Created(auditId, updateId);
    }

    @PostMapping("/actions/{actionId}/closure")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Close an action with evidence of its impact (the partnership's decision)",
            description = "Refused without evidence of impact (400 when absent from the body). An agency proposes "
                    + "closure instead (closure-proposal).")
    public Created close(@PathVariable String auditId, @PathVariable String actionId,
                         @Valid @RequestBody CloseActionRequest request) {
        commands.sendAndWait(new CloseAction(auditId, actionId, request.evidenceOfImpact().strip(),
                request.closedBy().strip(), orToday(request.closedOn()), board(request.boardMeeting())));
        return new Created(auditId, actionId);
    }

    @PostMapping("/actions/{actionId}/closure-proposal")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose closing an action with evidence of its impact",
            description = "The owning agency's lead officer proposes; the action stays open until the QA coordinator "
                    + "or the Board confirms the closure or returns the proposal.")
    public Created proposeClosure(@PathVariable String auditId, @PathVariable String actionId,
                                  @Valid @RequestBody ProposeClosureRequest request) {
        commands.sendAndWait(new ProposeActionClosure(auditId, actionId, request.evidenceOfImpact().strip(),
                request.proposedBy().strip(), orToday(request.proposedOn()), AgencyScope.actor()));
        return new Created(auditId, actionId);
    }

    @PostMapping("/actions/{actionId}/closure-proposal/confirmation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Accept a proposed closure", description = "The action closes on the proposal's evidence.")
    public Created confirmClosure(@PathVariable String auditId, @PathVariable String actionId,
                                  @Valid @RequestBody ConfirmClosureRequest request) {
        commands.sendAndWait(new ConfirmActionClosure(auditId, actionId, request.confirmedBy().strip(),
                orToday(request.confirmedOn()), board(request.boardMeeting())));
        return new Created(auditId, actionId);
    }

    @PostMapping("/actions/{actionId}/closure-proposal/return")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Return a proposed closure, with the reason", description = "The action stays open.")
    public Created returnClosure(@PathVariable String auditId, @PathVariable String actionId,
                                 @Valid @RequestBody ReturnClosureRequest request) {
        commands.sendAndWait(new ReturnClosureProposal(auditId, actionId, request.reason().strip(),
                request.returnedBy().strip(), orToday(request.returnedOn())));
        return new Created(auditId, actionId);
    }

    @PostMapping("/actions/{actionId}/reopening")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reopen a closed action, with the reason")
    public Created reopen(@PathVariable String auditId, @PathVariable String actionId,
                          @Valid @RequestBody ReopenActionRequest request) {
        commands.sendAndWait(new ReopenAction(auditId, actionId, request.reason().strip(), request.reopenedBy().strip(),
                orToday(request.reopenedOn())));
        return new Created(auditId, actionId);
    }

    /** A decision of the Board: recorded by a Board member, or by the QA coordinator naming the meeting. */
    private static BoardDecision board(String meeting) {
        return new BoardDecision(Caller.require().has(MaapRole.BOARD_MEMBER), meeting);
    }

    private LocalDate orToday(LocalDate date) {
        return date != null ? date : LocalDate.now(clock);
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
