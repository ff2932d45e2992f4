package io.maap.casereturn.request.command;

import io.maap.casereturn.request.event.AuditorAccountLinked;
import io.maap.events.casereturn.AuditorNominated;
import io.maap.events.casereturn.ReturnAcknowledged;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.support.domain.RuleViolation;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Instant;
import java.util.Locale;
import java.util.List;
import java.util.Optional;

/**
 * Who holds and who manages the case, as the agency acknowledged them, and the auditor, who may be
 * neither: the audit is only worth something if someone independent of the casework does it.
 * Names are compared ignoring case and spacing; "none" matches no one.
 */
class Independence {

    private String caseHolder;
    private String lineManager;
    private String auditor;
    private String auditorUserId;

    String auditor() {
        return auditor;
    }

    /**
     * Who audited a submission: the nominee, unless the nominee has an account and another user of
     * the agency submits, who is then recorded as themselves (their account), not as the nominee.
     * The partnership entering a return and an agency's own system submit for the nominee.
     */
    String auditorOf(SubmitReturn command) {
        if (auditorUserId == null || command.submitterUserId() == null || command.actor() == null
                || command.actor().partnershipWide() || auditorUserId.equals(command.submitterUserId())) {
            return auditor;
        }
        return command.submitterUserId();
    }

    /** The link to the nominee's account that goes with {@code nominated}, when it changes. */
    Optional<AuditorAccountLinked> linkAccount(AuditorNominated nominated, String userId) {
        String linked = userId == null || userId.isBlank() ? null : userId.strip();
        return java.util.Objects.equals(linked, auditorUserId) ? Optional.empty()
                : Optional.of(new AuditorAccountLinked(nominated.returnRequestId(), linked));
    }

    /** The acknowledgement, once; a repeat naming the same people is a retry, naming others a conflict. */
    Optional<ReturnAcknowledged> acknowledge(ReturnRequested request, AcknowledgeReturnRequest command) {
        String holder = Required.text(command.caseHolder(), "the case holder (or \"none\")");
        String manager = Required.text(command.lineManager(), "the line manager with casework responsibility (or \"none\")");
        if (caseHolder == null) {
            return Optional.of(new ReturnAcknowledged(request.returnRequestId(), request.auditId(), request.programmeId(),
                    request.caseReference(), request.agency(), command.acknowledgedBy(), command.acknowledgedAt(), holder,
                    manager));
        }
        if (!sameName(caseHolder, holder) || !sameName(lineManager, manager)) {
            throw new RuleViolation("already-acknowledged", "The request was already acknowledged with case holder '"
                    + caseHolder + "' and line manager '" + lineManager + "'.");
        }
        return Optional.empty();
    }

    /** The auditor named with the acknowledgement, if one was; call once the acknowledgement is applied. */
    List<Object> nominateWith(ReturnRequested request, AcknowledgeReturnRequest command) {
        if (command.auditor() == null || command.auditor().isBlank()) {
            return List.of();
        }
        return nominate(request, command.auditor(), command.auditorUserId(), command.acknowledgedBy(), command.acknowledgedAt());
    }

    List<Object> nominate(ReturnRequested request, NominateAuditor command) {
        if (caseHolder == null) {
            throw new RuleViolation("not-acknowledged",
                    "Acknowledge the request first, naming the case holder and line manager, so independence can be checked.");
        }
        return nominate(request, Required.text(command.auditor(), "the auditor"), command.auditorUserId(), command.nominatedBy(),
                command.nominatedAt());
    }

    /** The nomination and, when it changes, the link to the auditor's account. */
    private List<Object> nominate(ReturnRequested request, String candidate, String userId, String by, Instant at) {
        if (samePerson(candidate, caseHolder) || samePerson(candidate, lineManager)) {
            throw new RuleViolation("auditor-not-independent", "The auditor may not be the case holder or the line manager"
                    + " with casework responsibility (" + caseHolder + ", " + lineManager + ").");
        }
        AuditorNominated nominated = new AuditorNominated(request.returnRequestId(), request.auditId(), request.programmeId(),
                request.caseReference(), request.agency(), candidate.strip(), caseHolder, lineManager, by, at);
        Optional<AuditorAccountLinked> link = linkAccount(nominated, userId);
        if (samePerson(candidate, auditor) && link.isEmpty()) {
            return List.of();
        }
        List<Object> events = new java.util.ArrayList<>();
        events.add(nominated);
        link.ifPresent(events::add);
        return events;
    }

    /** One person named twice; "none" is no one, so it is never the same person as anyone. */
    private static boolean samePerson(String a, String b) {
        return a != null && b != null && sameName(a, b) && !normalised(a).equals("none");
    }

    private static boolean sameName(String a, String b) {
        return normalised(a).equals(normalised(b));
    }

    private static String normalised(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @EventSourcingHandler
    void on(ReturnAcknowledged event) {
        caseHolder = event.caseHolder();
        lineManager = event.lineManager();
    }

    @EventSourcingHandler
    void on(AuditorNominated event) {
        auditor = event.auditor();
    }

    @EventSourcingHandler
    void on(AuditorAccountLinked event) {
        auditorUserId = event.auditorUserId();
    }
}
