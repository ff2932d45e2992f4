package io.maap.reporting.scorecard.query;

import io.maap.reporting.projection.query.ProgrammeFigures;
import io.maap.reporting.projection.query.ProjectionStore;

/**
 * Every scorecard case of {@link ScorecardsTest} again on a generation that keeps programme
 * figures from its start: a programme's scorecards are then counted from its one document, with
 * the same figures.
 */
class ScorecardsFromProgrammeFiguresTest extends ScorecardsTest {

    @Override
    void prepare(ProjectionStore store) {
        ProgrammeFigures.keptFromStart(store);
    }
}
