package io.maap.support.domain;

/**
 * Who records one of the Board's decisions (agreeing an action plan, signing off an audit report,
 * accepting an action's closure), so that it stands as the Board's: a Board member, or the QA
 * coordinator naming the meeting that took it (e.g. "LSCB Board, 18 July 2017").
 *
 * @param recordedByBoardMember whether a Board member records it
 * @param meeting               the meeting that took it; required unless a Board member records it
 */
public record BoardDecision(boolean recordedByBoardMember, String meeting) {

    /** The meeting to record on the event (null when a Board member recorded the decision without naming one). */
    public String requireMeeting() {
        if (meeting == null || meeting.isBlank()) {
            if (recordedByBoardMember) {
                return null;
            }
            throw new RuleViolation("board-meeting-required", "This is the Board's decision: a Board member records it, "
                    + "or the QA coordinator names the Board meeting that took it (boardMeeting).");
        }
        return meeting.strip();
    }
}
