package io.maap.reporting.projection.query;

import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.businessplan.query.BusinessPlanProjection;
import io.maap.reporting.concerns.query.ConcernsProjection;
import io.maap.reporting.learning.query.LearningProjection;
import io.maap.reporting.returns.query.ReturnsProjection;

import java.util.List;
import java.util.Map;

/**
 * The fields the read side's views filter on, by collection: each gets an index in every
 * generation (live, rebuilt, "as at"), so that a programme's scorecard or an agency's list reads
 * its own documents, not the whole collection. mongo-java-server, used locally and in tests,
 * records these indexes but does not use them (it implements unique indexes only); MongoDB does.
 */
final class ReadModelIndexes {

    static final Map<String, List<String>> FIELDS = Map.of(
            ReturnsProjection.RETURNS, List.of("programmeId", "auditId", "agency"),
            LearningProjection.ACTIONS, List.of("programmeId", "auditId", "owningAgency"),
            LearningProjection.FINDINGS, List.of("programmeId", "auditId"),
            LearningProjection.PLANS, List.of("auditId"),
            AuditsProjection.AUDITS, List.of("programmeId"),
            ConcernsProjection.CONCERNS, List.of("programmeId", "auditId"),
            BusinessPlanProjection.LINKS, List.of("planId"),
            BusinessPlanProjection.AUDIT_LEARNING, List.of("programmeId"));

    private ReadModelIndexes() {
    }
}
