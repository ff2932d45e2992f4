package io.maap.actionplan.learning.command;

import io.maap.events.actionplan.FindingKind;
import io.maap.events.actionplan.FindingRecorded;
import io.maap.events.actionplan.GoodPracticeRecognised;
import io.maap.support.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A finding of the audit; good practice is recognised once, by the chair's letter. */
final class Finding {

    @EntityId
    private final String findingId;
    private final FindingRecorded recorded;
    private boolean recognised;

    Finding(FindingRecorded recorded) {
        this.findingId = recorded.findingId();
        this.recorded = recorded;
    }

    @CommandHandler
    void handle(RecogniseGoodPractice command) {
        if (recorded.kind() != FindingKind.GOOD_PRACTICE) {
            throw new RuleViolation("not-good-practice", "Only good practice can be recognised; finding '"
                    + findingId + "' is an area for improvement.");
        }
        if (!recognised) { // recognised once; a retry changes nothing
            apply(new GoodPracticeRecognised(findingId, recorded.auditId(), recorded.programmeId(), recorded.aspect(),
                    recorded.agencies(), command.recognisedBy(), command.recognisedOn(), command.note()));
        }
    }

    FindingRecorded recorded() {
        return recorded;
    }

    @EventSourcingHandler
    void on(GoodPracticeRecognised event) {
        recognised = true;
    }

    // Value equality lets Axon's test fixture check that event sourcing rebuilds the same state.
    @Override
    public boolean equals(Object other) {
        return other instanceof Finding that && recorded.equals(that.recorded) && recognised == that.recognised;
    }

    @Override
    public int hashCode() {
        return findingId.hashCode();
    }
}
