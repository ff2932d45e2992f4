package io.maap.casereturn.agency.messaging;

import io.maap.casereturn.request.command.AcknowledgeReturnRequest;
import io.maap.casereturn.request.command.AcknowledgeSafeguardingConcern;
import io.maap.casereturn.request.command.Commands;
import io.maap.casereturn.request.command.SubmitNilReturn;
import io.maap.casereturn.request.command.SubmitReturn;
import io.maap.casereturn.request.event.Answer;
import io.maap.events.agency.AgencyConcernAcknowledged;
import io.maap.events.agency.AgencyNilReturnSubmitted;
import io.maap.events.agency.AgencyRequestAcknowledged;
import io.maap.events.agency.AgencyReturnSubmitted;
import io.maap.support.axon.Attribution;
import io.maap.support.domain.ActorAccess;
import io.maap.support.domain.NotVisible;
import io.maap.support.domain.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The message as the command the REST API sends, with the time it is applied, and the record that
 * it was processed, in one transaction (the command joins it): a message is applied once even if
 * it is redelivered. A refusal by a business rule is a rejection like any other. The command names
 * the agency's system as its actor, so the request itself refuses another agency's.
 */
final class ApplySubmission implements Step<Submission, ProcessedAgencyMessage> {

    private final CommandGateway commands;
    private final ProcessedAgencyMessages processed;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ApplySubmission(CommandGateway commands, ProcessedAgencyMessages processed, TransactionTemplate transactions, Clock clock) {
        this.commands = commands;
        this.processed = processed;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome<ProcessedAgencyMessage> apply(Submission submission) {
        InboundCloudEvent event = submission.event();
        Instant now = clock.instant();
        try {
            return Outcome.accepted(transactions.execute(status -> {
                // Attributed to the agency's system, with the message id as the correlation id.
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command(submission, now)).andMetaData(
                        Attribution.of("agency-system:" + submission.agency(), "AGENCY_SYSTEM", submission.agency(), event.id())));
                return processed.save(new ProcessedAgencyMessage(event.source(), event.id(), event.type(), true, null, null,
                        submission.returnRequestId(), now));
            }));
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof RuleViolation violation) {
                return Outcome.rejected(violation.code(), violation.getMessage());
            }
            if (e.getCause() instanceof NotVisible notVisible) {
                return Outcome.rejected(RequireRequest.UNKNOWN_REQUEST, notVisible.getMessage());
            }
            throw e;
        } catch (RuleViolation violation) {
            return Outcome.rejected(violation.code(), violation.getMessage());
        } catch (NotVisible notVisible) {
            // The request is the agency's own by construction (its id names the agency); kept for safety.
            return Outcome.rejected(RequireRequest.UNKNOWN_REQUEST, notVisible.getMessage());
        }
    }

    static Object command(Submission submission, Instant now) {
        String id = submission.returnRequestId();
        ActorAccess actor = ActorAccess.agencySystem(submission.agency());
        if (submission.payload() instanceof AgencyReturnSubmitted s) {
            return new SubmitReturn(id, s.submittedBy(), now, Commands.CHANNEL_KAFKA, s.answers().stream()
                    .map(a -> new Answer(a.questionId(), a.answer().strip(), a.evidenceReferences(),
                            a.entries() == null ? List.of() : a.entries().stream()
                                    .map(e -> new Answer.DatedEntry(e.date(), e.entry().strip())).toList(),
                            a.grade() == null || a.grade().isBlank() ? null : a.grade().strip())).toList(), actor);
        }
        if (submission.payload() instanceof AgencyNilReturnSubmitted n) {
            return new SubmitNilReturn(id, n.submittedBy(), now, Commands.CHANNEL_KAFKA, actor);
        }
        if (submission.payload() instanceof AgencyRequestAcknowledged a) {
            return new AcknowledgeReturnRequest(id, a.acknowledgedBy(), now, a.caseHolder(), a.lineManager(), a.auditor(),
                    actor);
        }
        AgencyConcernAcknowledged c = (AgencyConcernAcknowledged) submission.payload();
        return new AcknowledgeSafeguardingConcern(id, c.concernId(), c.acknowledgedBy(), now, c.response(), actor);
    }
}
