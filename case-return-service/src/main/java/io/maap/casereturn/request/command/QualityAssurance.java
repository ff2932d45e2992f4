package io.maap.casereturn.request.command;

import io.maap.events.casereturn.ReturnAccepted;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.events.casereturn.ReturnSentBack;
import io.maap.support.domain.RuleViolation;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The partnership's verdict on the version awaiting QA: accepted (final), or sent back with
 * reasons and due again after the partnership's resubmission window, never before the deadline
 * the agency was given. The same verdict on the same version again is a
 * retry and records nothing.
 */
final class QualityAssurance {

    private QualityAssurance() {
    }

    static Optional<ReturnAccepted> accept(ReturnRequested request, Versions versions, AcceptReturn command) {
        if (versions.stage() == Versions.Stage.ACCEPTED && command.version() == versions.latest()) {
            return Optional.empty();
        }
        versions.requireAwaitingQa(command.version());
        return Optional.of(new ReturnAccepted(request.returnRequestId(), request.auditId(), request.programmeId(),
                request.caseReference(), request.agency(), versions.latest(), versions.latestNil(), command.acceptedBy(),
                command.acceptedAt()));
    }

    static Optional<ReturnSentBack> sendBack(ReturnRequested request, Versions versions, LocalDate given,
                                             SendBackReturn command, ReturnDeadlines deadlines) {
        if (versions.stage() == Versions.Stage.SENT_BACK && command.version() == versions.latest()) {
            return Optional.empty();
        }
        versions.requireAwaitingQa(command.version());
        if (command.reasons().isEmpty() || command.reasons().stream().anyMatch(r -> r == null || r.isBlank())) {
            throw new RuleViolation("send-back-without-reasons", "Say why the return is sent back.");
        }
        LocalDate sentBackOn = deadlines.dateOf(command.sentBackAt());
        return Optional.of(new ReturnSentBack(request.returnRequestId(), request.auditId(), request.programmeId(),
                request.caseReference(), request.agency(), versions.latest(), command.reasons(), command.sentBackBy(),
                command.sentBackAt(), sentBackOn, deadlines.resubmissionDue(sentBackOn, given)));
    }
}
