package io.maap.casereturn.request.web;

import io.maap.casereturn.access.web.AccessLog;
import io.maap.casereturn.request.command.AcceptReturn;
import io.maap.casereturn.request.command.AcknowledgeReturnRequest;
import io.maap.casereturn.request.command.AcknowledgeSafeguardingConcern;
import io.maap.casereturn.request.command.Commands;
import io.maap.casereturn.request.command.ExtendReturnDeadline;
import io.maap.casereturn.request.command.NominateAuditor;
import io.maap.casereturn.request.command.RaiseSafeguardingConcern;
import io.maap.casereturn.request.command.SendBackReturn;
import io.maap.casereturn.request.command.SubmitNilReturn;
import io.maap.casereturn.request.command.SubmitReturn;
import io.maap.casereturn.request.query.ReturnRequestView;
import io.maap.casereturn.request.query.ReturnRequestViews;
import io.maap.casereturn.request.query.ReturnVersionView;
import io.maap.casereturn.request.query.ReturnVersionViews;
import io.maap.casereturn.request.query.SafeguardingConcernView;
import io.maap.casereturn.request.query.SafeguardingConcernViews;
import io.maap.casereturn.request.web.ReturnRequestBodies.Acceptance;
import io.maap.casereturn.request.web.ReturnRequestBodies.Acknowledgement;
import io.maap.casereturn.request.web.ReturnRequestBodies.Concern;
import io.maap.casereturn.request.web.ReturnRequestBodies.ConcernAcknowledgement;
import io.maap.casereturn.request.web.ReturnRequestBodies.Extension;
import io.maap.casereturn.request.web.ReturnRequestBodies.NilReturn;
import io.maap.casereturn.request.web.ReturnRequestBodies.Nomination;
import io.maap.casereturn.request.web.ReturnRequestBodies.SendBack;
import io.maap.casereturn.request.web.ReturnRequestBodies.Submission;
import io.maap.support.messaging.EventJson;
import io.maap.support.access.AccessRecords;
import io.maap.support.security.AgencyScope;
import io.maap.support.security.Caller;
import io.maap.support.web.IdempotencyKeys;
import io.maap.support.web.NotFoundException;
import io.maap.support.web.Patterns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/**
 * Return requests for agencies' SPOCs and the partnership's QA coordinator. Every command is safe
 * to retry: repeating one that was already applied changes nothing and answers the same.
 * Agency staff see and act on their own agency's requests only (the agency comes from their
 * token); any other request answers 404 as if it did not exist. Commands name their actor and the
 * request decides (not the read model). Every read of a return by a
 * person is recorded ({@code /api/access-records}).
 */
@RestController
@RequestMapping("/api/return-requests")
@Tag(name = "Return requests")
public class ReturnRequestController {

    private final CommandGateway commands;
    private final ReturnRequestViews requests;
    private final ReturnVersionViews versions;
    private final SafeguardingConcernViews concerns;
    private final Clock clock;
    private final AccessLog accessLog;
    private final AccessRecords accessRecords;

    public ReturnRequestController(CommandGateway commands, ReturnRequestViews requests, ReturnVersionViews versions,
                                   SafeguardingConcernViews concerns, Clock clock, AccessLog accessLog,
                                   AccessRecords accessRecords) {
        this.accessLog = accessLog;
        this.accessRecords = accessRecords;
        this.commands = commands;
        this.requests = requests;
        this.versions = versions;
        this.concerns = concerns;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "List return requests",
            description = "With agency: that agency's requests, by default only those waiting for it (outstanding or "
                    + "sent back), soonest due first. With auditId: every request of the audit. Agency staff always get "
                    + "their own agency's requests only (agency defaults to theirs; another agency's list is empty).")
    public List<ReturnRequestView> list(
            @Parameter(description = "An agency code; for agency staff, their own (the default)")
            @RequestParam(name = "agency", required = false) @Pattern(regexp = Patterns.AGENCY, message = Patterns.AGENCY_MESSAGE) String requestedAgency,
            @RequestParam(required = false) @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String auditId,
            @Parameter(description = "Only requests still waiting for the agency (default true when agency is given)")
            @RequestParam(defaultValue = "true") boolean outstanding) {
        List<ReturnRequestView> found = select(AgencyScope.filter(requestedAgency), auditId, outstanding);
        accessRecords.list("return-request", found.stream().map(ReturnRequestView::getReturnRequestId).toList(), found.size());
        return found;
    }

    private List<ReturnRequestView> select(String agency, String auditId, boolean outstanding) {
        if (agency != null && auditId != null && !outstanding) {
            return requests.findByAuditIdOrderByCaseReferenceAscAgencyAsc(auditId).stream()
                    .filter(r -> r.getAgency().equals(agency)).toList();
        }
        if (agency != null) {
            List<ReturnRequestView> mine = outstanding
                    ? requests.findByAgencyAndStatusInOrderByDueDateAscCaseReferenceAsc(agency,
                    EnumSet.of(ReturnRequestView.Status.OUTSTANDING, ReturnRequestView.Status.SENT_BACK))
                    : requests.findByAgencyOrderByDueDateAscCaseReferenceAsc(agency);
            return auditId == null ? mine : mine.stream().filter(r -> r.getAuditId().equals(auditId)).toList();
        }
        if (auditId != null) {
            return requests.findByAuditIdOrderByCaseReferenceAscAgencyAsc(auditId);
        }
        throw new IllegalArgumentException("Give agency or auditId.");
    }

    @GetMapping("/{id}")
    @Operation(summary = "One return request as it stands")
    public ReturnRequestView get(@PathVariable String id) {
        ReturnRequestView request = find(id);
        accessLog.read(id, AccessLog.Subject.RETURN_REQUEST);
        return request;
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every submitted version of the return, oldest first, with its answers and the QA verdict")
    public List<VersionResponse> versions(@PathVariable String id) {
        ReturnRequestView request = find(id);
        accessLog.read(id, AccessLog.Subject.VERSIONS);
        return versions.findByReturnRequestIdOrderByVersionAsc(id).stream().map(VersionResponse::of).toList();
    }

    @GetMapping("/{id}/safeguarding-concerns")
    @Operation(summary = "Safeguarding concerns raised on the request",
            description = "Agency staff of another agency see the request's concerns that name their agency among "
                    + "agenciesToInform, and no other; without any, the request is not found to them.")
    public List<SafeguardingConcernView> concerns(@PathVariable String id) {
        ReturnRequestView request = requests.findById(id).orElseThrow(() -> notFound(id));
        List<SafeguardingConcernView> raised = concerns.findByReturnRequestIdOrderByRaisedAtAsc(id);
        Caller caller = Caller.require();
        if (!caller.mayAccess(request.getAgency())) {
            // Another agency's request: only the concerns that name the caller's agency among those to be told.
            raised = caller.agency() == null ? List.of()
                    : raised.stream().filter(c -> c.visibleToAgency(caller.agency())).toList();
            if (raised.isEmpty()) {
                throw notFound(id);
            }
        }
        accessLog.read(id, AccessLog.Subject.SAFEGUARDING_CONCERNS);
        return raised;
    }

    @PostMapping("/{id}/acknowledgement")
    @Operation(summary = "The SPOC acknowledges the request, names the case holder and line manager, and may name the auditor",
            description = "The auditor may be neither the case holder nor the line manager with casework responsibility (409).")
    public ReturnRequestView acknowledge(@PathVariable String id, @Valid @RequestBody Acknowledgement body) {
        send(id, new AcknowledgeReturnRequest(id, body.acknowledgedBy(), now(), body.caseHolder(), body.lineManager(),
                body.auditor(), AgencyScope.actor(), body.auditorUserId()));
        return find(id);
    }

    @PostMapping("/{id}/auditor")
    @Operation(summary = "Name or change the independent auditor")
    public ReturnRequestView nominate(@PathVariable String id, @Valid @RequestBody Nomination body) {
        send(id, new NominateAuditor(id, body.auditor(), body.nominatedBy(), now(), AgencyScope.actor(), body.auditorUserId()));
        return find(id);
    }

    @PostMapping("/{id}/submissions")
    @Operation(summary = "Submit (or resubmit) the return: an answer to every question of the audit tool",
            description = "No answer may be blank: where the records hold nothing, say \"no information held\". "
                    + "Grades only on graded questions. Resending the same answers while they await QA changes nothing.")
    public ReturnRequestView submit(@PathVariable String id, @Valid @RequestBody Submission body) {
        send(id, new SubmitReturn(id, body.submittedBy(), now(), Commands.CHANNEL_API, body.toAnswers(), AgencyScope.actor(),
                body.receivedOn(), Caller.require().userId()));
        return find(id);
    }

    @PostMapping("/{id}/nil-return")
    @Operation(summary = "Declare no involvement with the case in the period the audit's policy gives a nil return",
            description = "By default the twelve months before the audit (Hackney); under a policy with no look-back, at "
                    + "any time (North East Lincolnshire: 'historically, previously or currently'), when the version's "
                    + "noInvolvementFrom is null.")
    public ReturnRequestView nilReturn(@PathVariable String id, @Valid @RequestBody NilReturn body) {
        send(id, new SubmitNilReturn(id, body.submittedBy(), now(), Commands.CHANNEL_API, AgencyScope.actor(), body.receivedOn()));
        return find(id);
    }

    @PostMapping("/{id}/acceptance")
    @Operation(summary = "The partnership accepts the version it quality-assured")
    public ReturnRequestView accept(@PathVariable String id, @Valid @RequestBody Acceptance body) {
        send(id, new AcceptReturn(id, body.version(), body.acceptedBy(), now()));
        return find(id);
    }

    @PostMapping("/{id}/send-back")
    @Operation(summary = "The partnership sends the version back with its reasons; the agency must resubmit")
    public ReturnRequestView sendBack(@PathVariable String id, @Valid @RequestBody SendBack body) {
        send(id, new SendBackReturn(id, body.version(), body.reasons(), body.sentBackBy(), now()));
        return find(id);
    }

    @PostMapping("/{id}/extension")
    @Operation(summary = "Extend the due date (exceptional: reason and approver required)")
    public ReturnRequestView extend(@PathVariable String id, @Valid @RequestBody Extension body) {
        send(id, new ExtendReturnDeadline(id, body.newDueDate(), body.reason(), body.approvedBy(), now()));
        return find(id);
    }

    @PostMapping("/{id}/safeguarding-concerns")
    @Operation(summary = "Raise an immediate safeguarding concern on the case: escalated to the agency at once",
            description = "Give concernId, or an Idempotency-Key, to make a retry safe.")
    public SafeguardingConcernView raiseConcern(@PathVariable String id,
                                                @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                                                @Valid @RequestBody Concern body) {
        String concernId = IdempotencyKeys.idFor(body.concernId(), idempotencyKey);
        send(id, new RaiseSafeguardingConcern(id, concernId, body.raisedBy(), now(), body.summary(), body.category(),
                body.agenciesToInform(), AgencyScope.actor()));
        return concerns.findByReturnRequestIdOrderByRaisedAtAsc(id).stream()
                .filter(c -> c.getConcernId().equals(concernId)).findFirst().orElseThrow();
    }

    @PostMapping("/{id}/safeguarding-concerns/{concernId}/acknowledgement")
    @Operation(summary = "The agency acknowledges a safeguarding concern with its response")
    public SafeguardingConcernView acknowledgeConcern(@PathVariable String id, @PathVariable String concernId,
                                                      @Valid @RequestBody ConcernAcknowledgement body) {
        send(id, new AcknowledgeSafeguardingConcern(id, concernId, body.acknowledgedBy(), now(), body.response(),
                AgencyScope.actor()));
        return concerns.findByReturnRequestIdOrderByRaisedAtAsc(id).stream()
                .filter(c -> c.getConcernId().equals(concernId)).findFirst().orElseThrow();
    }

    /**
     * Sends a command on a request. The request itself refuses an agency's command on another
     * agency's request, from its own state, as "not found" in the words used here for a missing one.
     */
    private void send(String id, Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw notFound(id);
        }
    }

    /** The request, if the caller may see it: another agency's is "not found", exactly like a missing one. */
    private ReturnRequestView find(String id) {
        ReturnRequestView request = requests.findById(id).orElseThrow(() -> notFound(id));
        AgencyScope.requireVisible(request.getAgency(), () -> notFound(id));
        return request;
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No return request '" + id + "'.");
    }

    private Instant now() {
        return clock.instant();
    }

    /** One version of a return as stored, its answers included. */
    public record VersionResponse(int version, boolean nilReturn, String submittedBy, String auditor, Instant submittedAt,
                                  java.time.LocalDate submittedOn, java.time.LocalDate dueDate, int workingDaysLate,
                                  String channel, JsonNode answers, java.time.LocalDate noInvolvementFrom,
                                  java.time.LocalDate noInvolvementTo, ReturnVersionView.Verdict verdict,
                                  String sentBackReasons, String verdictBy, Instant verdictAt) {

        static VersionResponse of(ReturnVersionView v) {
            return new VersionResponse(v.getVersion(), v.isNilReturn(), v.getSubmittedBy(), v.getAuditor(), v.getSubmittedAt(),
                    v.getSubmittedOn(), v.getDueDate(), v.getWorkingDaysLate(), v.getChannel(),
                    v.getAnswersJson() == null ? null : EventJson.mapper().readTree(v.getAnswersJson()),
                    v.getNoInvolvementFrom(), v.getNoInvolvementTo(), v.getVerdict(), v.getSentBackReasons(),
                    v.getVerdictBy(), v.getVerdictAt());
        }
    }
}
