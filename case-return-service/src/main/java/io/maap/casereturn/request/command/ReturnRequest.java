package io.maap.casereturn.request.command;

import io.maap.casereturn.request.command.ReturnDeadlines.OverdueCheck;
import io.maap.casereturn.request.command.ReturnDeadlines.ReminderDue;
import io.maap.casereturn.request.event.Answer;
import io.maap.casereturn.request.event.AuditToolRecorded;
import io.maap.casereturn.request.event.ReturnVersionRecorded;
import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;
import io.maap.events.casereturn.AuditorNominated;
import io.maap.events.casereturn.NilReturnSubmitted;
import io.maap.events.casereturn.ReturnAccepted;
import io.maap.events.casereturn.ReturnAcknowledged;
import io.maap.events.casereturn.ReturnDeadlineExtended;
import io.maap.events.casereturn.ReturnOverdue;
import io.maap.events.casereturn.ReturnReminderSent;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.events.casereturn.ReturnSentBack;
import io.maap.events.casereturn.ReturnSubmitted;
import io.maap.events.casereturn.SafeguardingConcernAcknowledged;
import io.maap.events.casereturn.SafeguardingConcernRaised;
import io.maap.support.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import io.maap.support.axon.AxonSupportAutoConfiguration;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One agency's return on one case of an audit, from request to acceptance. */
@Aggregate(cache = AxonSupportAutoConfiguration.AGGREGATE_CACHE)
public class ReturnRequest {

    enum Status { REQUESTED, AWAITING_QA, SENT_BACK, ACCEPTED }

    @AggregateIdentifier
    private String returnRequestId;
    private ReturnRequested request;
    private List<AuditQuestion> questions = List.of();
    private Status status;
    private LocalDate dueDate;
    private boolean resubmissionDue;
    private boolean reminded;
    private LocalDate overdueMarkedFor;
    private String caseHolder;
    private String lineManager;
    private String auditor;
    private int version;
    private boolean lastVersionNil;
    private List<Answer> lastAnswers = List.of();
    private final Map<String, SafeguardingConcernRaised> concerns = new HashMap<>();
    private final Map<String, Boolean> concernAcknowledged = new HashMap<>();

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
        apply(new AuditToolRecorded(command.returnRequestId(), command.questions()));
        // The overdue check is scheduled when the reminder falls, so that the two are published in
        // that order even when both dates have passed by the time the request is made.
        deadlineManager.schedule(deadlines.reminderAt(command.reminderDate()), ReturnDeadlines.REMINDER,
                new ReminderDue(command.reminderDate()));
    }

    @CommandHandler
    public void handle(AcknowledgeReturnRequest command) {
        requireNotAccepted();
        String holder = required(command.caseHolder(), "the case holder (or \"none\")");
        String manager = required(command.lineManager(), "the line manager with casework responsibility (or \"none\")");
        if (caseHolder == null) {
            apply(new ReturnAcknowledged(returnRequestId, request.auditId(), request.programmeId(), request.caseReference(),
                    request.agency(), command.acknowledgedBy(), command.acknowledgedAt(), holder, manager));
        } else if (!samePerson(caseHolder, holder) || !samePerson(lineManager, manager)) {
            throw new RuleViolation("already-acknowledged", "The request was already acknowledged with case holder '"
                    + caseHolder + "' and line manager '" + lineManager + "'.");
        }
        if (command.auditor() != null && !command.auditor().isBlank()) {
            nominate(command.auditor(), command.acknowledgedBy(), command.acknowledgedAt());
        }
    }

    @CommandHandler
    public void handle(NominateAuditor command) {
        requireNotAccepted();
        if (caseHolder == null) {
            throw new RuleViolation("not-acknowledged",
                    "Acknowledge the request first, naming the case holder and line manager, so independence can be checked.");
        }
        nominate(required(command.auditor(), "the auditor"), command.nominatedBy(), command.nominatedAt());
    }

    private void nominate(String candidate, String by, java.time.Instant at) {
        if (samePerson(candidate, caseHolder) || samePerson(candidate, lineManager)) {
            throw new RuleViolation("auditor-not-independent", "The auditor may not be the case holder or the line manager"
                    + " with casework responsibility (" + caseHolder + ", " + lineManager + ").");
        }
        if (samePerson(candidate, auditor)) {
            return;
        }
        apply(new AuditorNominated(returnRequestId, request.auditId(), request.programmeId(), request.caseReference(),
                request.agency(), candidate.strip(), caseHolder, lineManager, by, at));
    }

    @CommandHandler
    public void handle(SubmitReturn command, ReturnDeadlines deadlines) {
        if (status == Status.AWAITING_QA && !lastVersionNil && lastAnswers.equals(command.answers())) {
            return; // a retry of the submission already on record
        }
        requireOutstanding();
        if (auditor == null) {
            throw new RuleViolation("auditor-not-nominated", "Name an independent auditor before submitting the return.");
        }
        LocalDate submittedOn = deadlines.dateOf(command.submittedAt());
        AnswerRules.check(questions, command.answers(), submittedOn);
        int next = version + 1;
        apply(new ReturnSubmitted(returnRequestId, request.auditId(), request.programmeId(), request.caseReference(),
                request.agency(), next, command.submittedBy(), auditor, command.submittedAt(), submittedOn, dueDate,
                deadlines.workingDaysLate(dueDate, submittedOn), command.channel(), command.answers().stream()
                .filter(a -> a.grade() != null).map(a -> new ReturnSubmitted.Grade(a.questionId(), a.grade())).toList()));
        apply(new ReturnVersionRecorded(returnRequestId, next, command.submittedBy(), auditor, command.submittedAt(),
                command.answers()));
    }

    @CommandHandler
    public void handle(SubmitNilReturn command, ReturnDeadlines deadlines) {
        if (status == Status.AWAITING_QA && lastVersionNil) {
            return; // a retry
        }
        requireOutstanding();
        LocalDate submittedOn = deadlines.dateOf(command.submittedAt());
        apply(new NilReturnSubmitted(returnRequestId, request.auditId(), request.programmeId(), request.caseReference(),
                request.agency(), version + 1, command.submittedBy(), command.submittedAt(), submittedOn, dueDate,
                deadlines.workingDaysLate(dueDate, submittedOn), command.channel(),
                request.requestedOn().minusMonths(12), request.requestedOn()));
    }

    @CommandHandler
    public void handle(AcceptReturn command) {
        if (status == Status.ACCEPTED && command.version() == version) {
            return;
        }
        requireAwaitingQa(command.version());
        apply(new ReturnAccepted(returnRequestId, request.auditId(), request.programmeId(), request.caseReference(),
                request.agency(), version, lastVersionNil, command.acceptedBy(), command.acceptedAt()));
    }

    @CommandHandler
    public void handle(SendBackReturn command, ReturnDeadlines deadlines, DeadlineManager deadlineManager) {
        if (status == Status.SENT_BACK && command.version() == version) {
            return;
        }
        requireAwaitingQa(command.version());
        if (command.reasons().isEmpty() || command.reasons().stream().anyMatch(r -> r == null || r.isBlank())) {
            throw new RuleViolation("send-back-without-reasons", "Say why the return is sent back.");
        }
        LocalDate sentBackOn = deadlines.dateOf(command.sentBackAt());
        LocalDate due = deadlines.resubmissionDue(sentBackOn);
        apply(new ReturnSentBack(returnRequestId, request.auditId(), request.programmeId(), request.caseReference(),
                request.agency(), version, command.reasons(), command.sentBackBy(), command.sentBackAt(), sentBackOn, due));
        scheduleOverdueCheck(due, deadlines, deadlineManager);
    }

    @CommandHandler
    public void handle(ExtendReturnDeadline command, ReturnDeadlines deadlines, DeadlineManager deadlineManager) {
        if (Objects.equals(command.newDueDate(), dueDate) && status != null) {
            return; // a retry of the extension already granted
        }
        requireOutstanding();
        required(command.reason(), "the exceptional reason for the extension");
        required(command.approvedBy(), "who approved the extension");
        if (command.newDueDate() == null || !command.newDueDate().isAfter(dueDate) || !deadlines.isWorkingDay(command.newDueDate())) {
            throw new RuleViolation("extension-invalid", "An extension must move the due date (" + dueDate
                    + ") to a later working day.");
        }
        apply(new ReturnDeadlineExtended(returnRequestId, request.auditId(), request.programmeId(), request.caseReference(),
                request.agency(), dueDate, command.newDueDate(), command.reason().strip(), command.approvedBy().strip(),
                command.extendedAt()));
        scheduleOverdueCheck(command.newDueDate(), deadlines, deadlineManager);
    }

    @CommandHandler
    public void handle(RaiseSafeguardingConcern command) {
        String summary = required(command.summary(), "what the concern is");
        SafeguardingConcernRaised known = concerns.get(command.concernId());
        if (known != null) {
            if (known.summary().equals(summary)) {
                return;
            }
            throw new RuleViolation("concern-id-taken", "Concern '" + command.concernId() + "' was raised with another summary.");
        }
        apply(new SafeguardingConcernRaised(returnRequestId, request.auditId(), request.programmeId(), request.caseReference(),
                request.agency(), command.concernId(), required(command.raisedBy(), "who raised the concern"),
                command.raisedAt(), summary));
    }

    @CommandHandler
    public void handle(AcknowledgeSafeguardingConcern command) {
        if (!concerns.containsKey(command.concernId())) {
            throw new RuleViolation("unknown-concern", "No safeguarding concern '" + command.concernId() + "' on this request.");
        }
        if (concernAcknowledged.get(command.concernId())) {
            return;
        }
        apply(new SafeguardingConcernAcknowledged(returnRequestId, request.auditId(), request.programmeId(),
                request.caseReference(), request.agency(), command.concernId(),
                required(command.acknowledgedBy(), "who acknowledged the concern"), command.acknowledgedAt(),
                required(command.response(), "the agency's response")));
    }

    @DeadlineHandler(deadlineName = ReturnDeadlines.REMINDER)
    void on(ReminderDue due, ReturnDeadlines deadlines, DeadlineManager deadlineManager) {
        if (status == Status.REQUESTED && !reminded) {
            apply(new ReturnReminderSent(returnRequestId, request.auditId(), request.programmeId(), request.caseReference(),
                    request.agency(), due.reminderDate(), dueDate));
            scheduleOverdueCheck(dueDate, deadlines, deadlineManager);
        }
    }

    @DeadlineHandler(deadlineName = ReturnDeadlines.OVERDUE)
    void on(OverdueCheck check, ReturnDeadlines deadlines) {
        boolean outstanding = status == Status.REQUESTED || status == Status.SENT_BACK;
        if (outstanding && check.dueDate().equals(dueDate) && !dueDate.equals(overdueMarkedFor)) {
            apply(new ReturnOverdue(returnRequestId, request.auditId(), request.programmeId(), request.caseReference(),
                    request.agency(), dueDate, deadlines.overdueFrom(dueDate), resubmissionDue, reminded));
        }
    }

    private static void scheduleOverdueCheck(LocalDate due, ReturnDeadlines deadlines, DeadlineManager deadlineManager) {
        deadlineManager.schedule(deadlines.overdueAt(due), ReturnDeadlines.OVERDUE, new OverdueCheck(due));
    }

    private void requireOutstanding() {
        if (status != Status.REQUESTED && status != Status.SENT_BACK) {
            throw new RuleViolation(status == Status.ACCEPTED ? "return-already-accepted" : "return-awaiting-quality-assurance",
                    status == Status.ACCEPTED ? "The return has been accepted; nothing more can be submitted."
                            : "Version " + version + " is awaiting quality assurance; wait until it is accepted or sent back.");
        }
    }

    private void requireNotAccepted() {
        if (status == Status.ACCEPTED) {
            throw new RuleViolation("return-already-accepted", "The return has been accepted.");
        }
    }

    private void requireAwaitingQa(int expectedVersion) {
        if (status != Status.AWAITING_QA) {
            throw new RuleViolation("nothing-to-quality-assure", "There is no submitted return awaiting quality assurance.");
        }
        if (expectedVersion != version) {
            throw new RuleViolation("version-mismatch", "Version " + expectedVersion + " is not the latest; version "
                    + version + " is awaiting quality assurance.");
        }
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation("information-missing", "Give " + what + ".");
        }
        return value.strip();
    }

    private static boolean samePerson(String a, String b) {
        return a != null && b != null && normalised(a).equals(normalised(b)) && !normalised(a).equals("none");
    }

    private static String normalised(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    @EventSourcingHandler
    void on(ReturnRequested event) {
        this.returnRequestId = event.returnRequestId();
        this.request = event;
        this.status = Status.REQUESTED;
        this.dueDate = event.dueDate();
    }

    @EventSourcingHandler
    void on(AuditToolRecorded event) {
        this.questions = event.questions();
    }

    @EventSourcingHandler
    void on(ReturnAcknowledged event) {
        this.caseHolder = event.caseHolder();
        this.lineManager = event.lineManager();
    }

    @EventSourcingHandler
    void on(AuditorNominated event) {
        this.auditor = event.auditor();
    }

    @EventSourcingHandler
    void on(ReturnSubmitted event) {
        this.version = event.version();
        this.status = Status.AWAITING_QA;
        this.lastVersionNil = false;
    }

    @EventSourcingHandler
    void on(ReturnVersionRecorded event) {
        this.lastAnswers = event.answers();
    }

    @EventSourcingHandler
    void on(NilReturnSubmitted event) {
        this.version = event.version();
        this.status = Status.AWAITING_QA;
        this.lastVersionNil = true;
        this.lastAnswers = List.of();
    }

    @EventSourcingHandler
    void on(ReturnAccepted event) {
        this.status = Status.ACCEPTED;
    }

    @EventSourcingHandler
    void on(ReturnSentBack event) {
        this.status = Status.SENT_BACK;
        this.dueDate = event.resubmissionDue();
        this.resubmissionDue = true;
    }

    @EventSourcingHandler
    void on(ReturnDeadlineExtended event) {
        this.dueDate = event.newDueDate();
    }

    @EventSourcingHandler
    void on(ReturnReminderSent event) {
        this.reminded = true;
    }

    @EventSourcingHandler
    void on(ReturnOverdue event) {
        this.overdueMarkedFor = event.dueDate();
    }

    @EventSourcingHandler
    void on(SafeguardingConcernRaised event) {
        concerns.put(event.concernId(), event);
        concernAcknowledged.put(event.concernId(), false);
    }

    @EventSourcingHandler
    void on(SafeguardingConcernAcknowledged event) {
        concernAcknowledged.put(event.concernId(), true);
    }
}
