package io.maap.casereturn.request.command;

import io.maap.casereturn.request.command.ReturnDeadlines.OverdueCheck;
import io.maap.casereturn.request.command.ReturnDeadlines.ReminderDue;
import io.maap.casereturn.request.event.AuditToolRecorded;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.events.casereturn.SafeguardingConcernRaised;
import io.maap.support.axon.AxonSupportAutoConfiguration;
import io.maap.support.domain.ActorAccess;
import io.maap.support.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One agency's return on one case of an audit, from request to acceptance. It routes each command
 * to the part whose rule it is ({@link Independence}, {@link SubmissionRules}, {@link QualityAssurance},
 * {@link DueDate}, {@link SafeguardingConcern}), applies what that decides, and schedules deadlines
 * through {@link ReturnDeadlines}, under the partnership policy the audit was commissioned under
 * (its resubmission window, nil-return meaning and calendar). Time comes on the commands, so the same command on the same
 * history always decides the same.
 */
@Aggregate(cache = AxonSupportAutoConfiguration.AGGREGATE_CACHE)
public class ReturnRequest {

    @AggregateIdentifier
    private String returnRequestId;
    private ReturnRequested request;
    private List<AuditQuestion> questions = List.of();
    private Grades grades = new Grades(null);
    private AuditCommissioned.Policy policy;
    @AggregateMember
    private final Independence independence = new Independence();
    @AggregateMember
    private final Versions versions = new Versions();
    @AggregateMember
    private final DueDate due = new DueDate();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, SafeguardingConcern> concerns = new HashMap<>();

    protected ReturnRequest() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RequestReturn command, ReturnDeadlines deadlines, DeadlineManager deadlineManager) {
        if (returnRequestId != null) {
            return; // the audit's commissioning arrived again: the request exists already
        }
        apply(new ReturnRequested(command.returnRequestId(), command.auditId(), command.programmeId(),
                command.caseReference(), command.caseType(), command.agency(), command.requestedOn(),
                command.dueDate(), command.reminderDate()));
        apply(new AuditToolRecorded(command.returnRequestId(), command.questions(), command.gradingScale(), command.policy()));
        deadlines.under(command.policy()).scheduleReminder(deadlineManager, command.reminderDate());
    }

    /** Agency staff act on their own agency's request only; another's is "not found", like a missing one. */
    @CommandHandlerInterceptor
    void requireActorOfTheAgency(AgencyCommand command) {
        ActorAccess.require(command.actor(), request.agency(), "No return request '" + returnRequestId + "'.");
    }

    @CommandHandler
    public void handle(AcknowledgeReturnRequest command) {
        versions.requireNotAccepted();
        independence.acknowledge(request, command).ifPresent(AggregateLifecycle::apply);
        independence.nominateWith(request, command).forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    public void handle(NominateAuditor command) {
        versions.requireNotAccepted();
        independence.nominate(request, command).forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    public void handle(SubmitReturn command, ReturnDeadlines deadlines) {
        SubmissionRules.submit(request, questions, grades, versions, due.date(), independence.auditorOf(command), command,
                        deadlines.under(policy))
                .forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    public void handle(SubmitNilReturn command, ReturnDeadlines deadlines) {
        SubmissionRules.submitNil(request, policy, versions, due.date(), command, deadlines.under(policy))
                .ifPresent(AggregateLifecycle::apply);
    }

    @CommandHandler
    public void handle(AcceptReturn command) {
        QualityAssurance.accept(request, versions, command).ifPresent(AggregateLifecycle::apply);
    }

    @CommandHandler
    public void handle(SendBackReturn command, ReturnDeadlines serviceDeadlines, DeadlineManager deadlineManager) {
        ReturnDeadlines deadlines = serviceDeadlines.under(policy);
        QualityAssurance.sendBack(request, versions, due.given(), command, deadlines).ifPresent(sentBack -> {
            apply(sentBack);
            deadlines.scheduleOverdueCheck(deadlineManager, sentBack.resubmissionDue());
        });
    }

    @CommandHandler
    public void handle(ExtendReturnDeadline command, ReturnDeadlines serviceDeadlines, DeadlineManager deadlineManager) {
        ReturnDeadlines deadlines = serviceDeadlines.under(policy);
        due.extend(request, versions, command, deadlines).ifPresent(extended -> {
            apply(extended);
            deadlines.scheduleOverdueCheck(deadlineManager, extended.newDueDate());
        });
    }

    @CommandHandler
    public void handle(RaiseSafeguardingConcern command) {
        SafeguardingConcern.raise(request, concerns.get(command.concernId()), command).ifPresent(AggregateLifecycle::apply);
    }

    @CommandHandler
    public void handle(AcknowledgeSafeguardingConcern command) {
        SafeguardingConcern concern = concerns.get(command.concernId());
        if (concern == null) {
            throw new RuleViolation("unknown-concern", "No safeguarding concern '" + command.concernId() + "' on this request.");
        }
        concern.acknowledge(request, command).ifPresent(AggregateLifecycle::apply);
    }

    /** The reminder schedules the first overdue check; see {@link ReturnDeadlines#scheduleReminder}. */
    @DeadlineHandler(deadlineName = ReturnDeadlines.REMINDER)
    void on(ReminderDue reminder, ReturnDeadlines serviceDeadlines, DeadlineManager deadlineManager) {
        ReturnDeadlines deadlines = serviceDeadlines.under(policy);
        due.remind(request, versions, reminder).ifPresent(sent -> {
            apply(sent);
            deadlines.scheduleOverdueCheck(deadlineManager, sent.dueDate());
        });
    }

    @DeadlineHandler(deadlineName = ReturnDeadlines.OVERDUE)
    void on(OverdueCheck check, ReturnDeadlines deadlines) {
        due.overdue(request, versions, check, deadlines.under(policy)).ifPresent(AggregateLifecycle::apply);
    }

    @EventSourcingHandler
    void on(ReturnRequested event) {
        returnRequestId = event.returnRequestId();
        request = event;
    }

    @EventSourcingHandler
    void on(AuditToolRecorded event) {
        questions = event.questions();
        grades = new Grades(event.gradingScale());
        policy = event.policy();
    }

    @EventSourcingHandler
    void on(SafeguardingConcernRaised event) {
        concerns.put(event.concernId(), new SafeguardingConcern(event.concernId(), event.summary()));
    }
}
