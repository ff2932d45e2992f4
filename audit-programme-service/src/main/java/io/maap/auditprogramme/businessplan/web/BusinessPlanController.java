package io.maap.auditprogramme.businessplan.web;

import io.maap.auditprogramme.businessplan.command.AdoptBusinessPlan;
import io.maap.auditprogramme.businessplan.command.LinkToPriority;
import io.maap.auditprogramme.businessplan.command.RatePriority;
import io.maap.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The Board's business plan for a year: adopted once, its priorities rated quarter by quarter, and
 * audits, findings and actions linked to them. Every change records the caller. The plan is read in
 * reporting-service ({@code GET /api/business-plans/{planId}}, {@code /scorecard}).
 */
@RestController
@RequestMapping("/api/business-plans")
public class BusinessPlanController {

    private final CommandGateway commands;
    private final Clock clock;

    public BusinessPlanController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** What was recorded, by whom and when. */
    public record Recorded(String planId, String priorityId, String recordedBy, Instant recordedAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a business plan as the Board adopted it: priorities with their actions",
            description = "Each action with its lead, how it will be achieved, its measure and by when, as the plan words "
                    + "them (blank cells left out). The plan id is chosen by the client; the same plan again changes "
                    + "nothing, another plan under the same id is refused (409).")
    public Recorded adopt(@Valid @RequestBody BusinessPlanRequests.Adopt request) {
        String user = Caller.require().userId();
        commands.sendAndWait(new AdoptBusinessPlan(request.planId(), request.partnership().strip(), request.title().strip(),
                request.periodStart(), request.periodEnd(), request.adoptedOn(), request.adoptedBy().strip(), user,
                request.toPriorities(), today()));
        return new Recorded(request.planId(), null, user, clock.instant());
    }

    @PostMapping("/{planId}/priorities/{priorityId}/ratings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rate a priority RED, AMBER or GREEN for a quarter of the plan's year, saying who and why",
            description = "Quarter 1 is the first three months of the plan's period. A new rating of a quarter supersedes "
                    + "the earlier one, which stays in the priority's history. By the QA coordinator or a Board member.")
    public Recorded rate(@PathVariable String planId, @PathVariable String priorityId,
                         @Valid @RequestBody BusinessPlanRequests.Rating request) {
        String user = Caller.require().userId();
        commands.sendAndWait(new RatePriority(planId, priorityId, request.quarter(), request.rag(), request.reason().strip(),
                request.ratedOn(), request.ratedBy().strip(), user, today()));
        return new Recorded(planId, priorityId, user, clock.instant());
    }

    @PostMapping("/{planId}/priorities/{priorityId}/links")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Link an audit, or a finding or an action of an audit, to a priority",
            description = "kind AUDIT with the auditId; FINDING or ACTION with the auditId and the finding's or action's "
                    + "id as itemId. Linking again changes nothing.")
    public Recorded link(@PathVariable String planId, @PathVariable String priorityId,
                         @Valid @RequestBody BusinessPlanRequests.Link request) {
        String user = Caller.require().userId();
        commands.sendAndWait(new LinkToPriority(planId, priorityId, request.kind(), request.auditId(), request.itemId(),
                user, today()));
        return new Recorded(planId, priorityId, user, clock.instant());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
