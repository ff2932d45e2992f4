package io.maap.reporting.scorecard.query;

import io.maap.reporting.projection.query.ProgrammeFigures;

import java.util.Map;

/**
 * What the scorecard of every programme counts of one programme, for any day: its figures
 * document's return requests, findings (by aspect) and actions, tallied once
 * ({@link Counting.Tally}) by the conditions of {@link ScorecardFigures}. Counting on a day from it
 * gives what counting the entries gives, without keeping them: some 75 values for a programme of
 * hundreds of entries.
 */
record ProgrammeTally(Counting.Tally returns, Map<String, Counting.Tally> findings, Counting.Tally actions) {

    static ProgrammeTally of(ProgrammeFigures.Read figures) {
        return new ProgrammeTally(ScorecardFigures.RETURN_FIGURES.tally(figures.entries(ProgrammeFigures.RETURNS)),
                ScorecardFigures.FINDING_FIGURES.tallyBy(figures.entries(ProgrammeFigures.FINDINGS), "aspect"),
                ScorecardFigures.ACTION_FIGURES.tally(figures.entries(ProgrammeFigures.ACTIONS)));
    }

    /** Roughly how many values it holds ({@link Counting.Tally#weight}). */
    int weight() {
        int weight = returns.weight() + actions.weight();
        for (Counting.Tally aspect : findings.values()) {
            weight += 1 + aspect.weight();
        }
        return weight;
    }
}
