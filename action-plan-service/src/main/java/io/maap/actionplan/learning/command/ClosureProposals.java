package io.maap.actionplan.learning.command;

import io.maap.events.actionplan.ActionAdded;
import io.maap.events.actionplan.ActionClosed;
import io.maap.events.actionplan.ActionClosureProposed;
import io.maap.events.actionplan.ActionClosureReturned;
import io.maap.support.domain.RuleViolation;

/**
 * The seeds put an action's closure with the partnership ("final submission for closure at April
 * Board"; "the LSCB monitors and challenges"): the owning agency proposes it with evidence of
 * impact, and the QA coordinator or the Board confirms it or returns it with a reason. What each
 * step must hold is here; {@link Action} keeps the state.
 */
final class ClosureProposals {

    private ClosureProposals() {
    }

    static void requireEvidence(String evidenceOfImpact) {
        if (blank(evidenceOfImpact)) {
            throw new RuleViolation("evidence-of-impact-required",
                    "An action is closed only with evidence of its impact: say what changed and how it is known.");
        }
    }

    /** A new proposal while none awaits a decision; the same one again changes nothing (true). */
    static boolean isRepeat(ActionClosureProposed pending, ProposeActionClosure command) {
        requireEvidence(command.evidenceOfImpact());
        if (pending == null) {
            return false;
        }
        if (pending.evidenceOfImpact().equals(command.evidenceOfImpact())) {
            return true;
        }
        throw new RuleViolation("closure-already-proposed", "The closure of action '" + command.actionId()
                + "' was proposed on " + pending.proposedOn() + ": it is confirmed or returned first.");
    }

    static ActionClosureProposed proposed(ActionAdded added, ProposeActionClosure command) {
        return new ActionClosureProposed(added.actionId(), added.planId(), added.auditId(), added.programmeId(),
                added.owningAgency(), command.evidenceOfImpact(), command.proposedBy(), command.proposedOn());
    }

    /** The closure on the pending proposal's evidence; refused when none awaits a decision. */
    static ActionClosed confirmed(ActionAdded added, ActionClosureProposed pending, ConfirmActionClosure command,
                                  String boardMeeting) {
        if (pending == null) {
            throw new RuleViolation("no-closure-proposed", "No closure of action '" + command.actionId()
                    + "' awaits a decision.");
        }
        return new ActionClosed(added.actionId(), added.planId(), added.auditId(), added.programmeId(),
                added.owningAgency(), pending.evidenceOfImpact(), command.confirmedBy(), command.confirmedOn(),
                added.dueDate(), boardMeeting);
    }

    /** The proposal returned; null when the same return was already recorded (a retry). */
    static ActionClosureReturned returned(ActionAdded added, ActionClosureProposed pending, ActionClosureReturned last,
                                          ReturnClosureProposal command) {
        if (blank(command.reason())) {
            throw new RuleViolation("return-reason-required", "Say why the evidence does not yet show the action's impact.");
        }
        if (pending == null) {
            if (last != null && last.reason().equals(command.reason())) {
                return null;
            }
            throw new RuleViolation("no-closure-proposed", "No closure of action '" + command.actionId()
                    + "' awaits a decision.");
        }
        return new ActionClosureReturned(added.actionId(), added.planId(), added.auditId(), added.programmeId(),
                added.owningAgency(), command.reason(), command.returnedBy(), command.returnedOn());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
