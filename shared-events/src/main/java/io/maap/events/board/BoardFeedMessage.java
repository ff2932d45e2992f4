package io.maap.events.board;

/** Messages of the board scorecard feed on {@code maap.board-scorecard.v1} (compacted, keyed by programme id). */
public sealed interface BoardFeedMessage permits BoardScorecardUpdated {

    /** The programme the scorecard is for; also the Kafka key, so the topic keeps the latest per programme. */
    String programmeId();
}
