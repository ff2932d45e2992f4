package io.maap.casereturn.request.command;

import io.maap.casereturn.request.event.Answer;
import io.maap.casereturn.request.event.ReturnVersionRecorded;
import io.maap.events.casereturn.NilReturnSubmitted;
import io.maap.events.casereturn.ReturnAccepted;
import io.maap.events.casereturn.ReturnSentBack;
import io.maap.events.casereturn.ReturnSubmitted;
import io.maap.support.domain.RuleViolation;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.List;

/** The versions of the return submitted so far and where the latest stands: one awaits QA at a time, and acceptance is final. */
class Versions {

    enum Stage { REQUESTED, AWAITING_QA, SENT_BACK, ACCEPTED }

    private Stage stage = Stage.REQUESTED;
    private int latest;
    private boolean latestNil;
    private List<Answer> latestAnswers = List.of();

    Stage stage() {
        return stage;
    }

    int latest() {
        return latest;
    }

    boolean latestNil() {
        return latestNil;
    }

    List<Answer> latestAnswers() {
        return latestAnswers;
    }

    /** Waiting for the agency: nothing submitted yet, or the latest version sent back. */
    boolean outstanding() {
        return stage == Stage.REQUESTED || stage == Stage.SENT_BACK;
    }

    void requireOutstanding() {
        if (!outstanding()) {
            throw new RuleViolation(stage == Stage.ACCEPTED ? "return-already-accepted" : "return-awaiting-quality-assurance",
                    stage == Stage.ACCEPTED ? "The return has been accepted; nothing more can be submitted."
                            : "Version " + latest + " is awaiting quality assurance; wait until it is accepted or sent back.");
        }
    }

    void requireNotAccepted() {
        if (stage == Stage.ACCEPTED) {
            throw new RuleViolation("return-already-accepted", "The return has been accepted.");
        }
    }

    /** A verdict names the version it is on, so that it never lands on a version nobody read. */
    void requireAwaitingQa(int version) {
        if (stage != Stage.AWAITING_QA) {
            throw new RuleViolation("nothing-to-quality-assure", "There is no submitted return awaiting quality assurance.");
        }
        if (version != latest) {
            throw new RuleViolation("version-mismatch", "Version " + version + " is not the latest; version "
                    + latest + " is awaiting quality assurance.");
        }
    }

    @EventSourcingHandler
    void on(ReturnSubmitted event) {
        stage = Stage.AWAITING_QA;
        latest = event.version();
        latestNil = false;
    }

    @EventSourcingHandler
    void on(ReturnVersionRecorded event) {
        latestAnswers = event.answers();
    }

    @EventSourcingHandler
    void on(NilReturnSubmitted event) {
        stage = Stage.AWAITING_QA;
        latest = event.version();
        latestNil = true;
        latestAnswers = List.of();
    }

    @EventSourcingHandler
    void on(ReturnAccepted event) {
        stage = Stage.ACCEPTED;
    }

    @EventSourcingHandler
    void on(ReturnSentBack event) {
        stage = Stage.SENT_BACK;
    }
}
