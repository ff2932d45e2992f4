package io.maap.auditprogramme.audit;

import io.maap.auditprogramme.audit.command.Audit;
import io.maap.auditprogramme.audit.command.CloseAudit;
import io.maap.auditprogramme.audit.command.EvaluateSuccessMeasure;
import io.maap.auditprogramme.audit.command.PartnershipPolicy;
import io.maap.auditprogramme.audit.command.PlanAudit;
import io.maap.auditprogramme.audit.command.RecordDissemination;
import io.maap.auditprogramme.audit.command.SetSuccessMeasures;
import io.maap.events.auditprogramme.AuditClosed;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditLearningDisseminated;
import io.maap.events.auditprogramme.AuditLearningDisseminated.Channel;
import io.maap.events.auditprogramme.AuditMonitoringStarted;
import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.AuditReportDrafted;
import io.maap.events.auditprogramme.AuditSignedOff;
import io.maap.events.auditprogramme.AuditSuccessMeasureEvaluated;
import io.maap.events.auditprogramme.AuditSuccessMeasureEvaluated.Outcome;
import io.maap.events.auditprogramme.AuditSuccessMeasuresSet;
import io.maap.events.auditprogramme.AuditSuccessMeasuresSet.SuccessMeasure;
import io.maap.events.auditprogramme.Milestone;
import io.maap.events.auditprogramme.PlannedDate;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static java.time.LocalDate.of;

/**
 * Success measures set when the neglect audit of seed 000 is planned, evaluated with evidence, and
 * its learning disseminated, before it may close.
 */
class AuditClosureTest {

    private static final String AUDIT = "rbr-2017-neglect";
    private static final String PROGRAMME = "redbridge-2017-18";
    private static final LocalDate TODAY = of(2018, 6, 30);
    private static final SuccessMeasure FOLLOW_UP = new SuccessMeasure("follow-up",
            "Follow up identified actions and improvements in outcomes for children as result of audit");
    private static final SuccessMeasure BRIEFINGS = new SuccessMeasure("briefings",
            "Learning from audit clearly identified and disseminated across all partners through Multi-Agency Briefings");

    private AggregateTestFixture<Audit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Audit.class);
        fixture.registerInjectableResource(WorkingDayCalendar.englandAndWales());
    }

    private static PlanAudit plan(List<SuccessMeasure> measures) {
        return new PlanAudit(AUDIT, PROGRAMME, "Neglect", "Neglect", List.of("3"), "Chair of LIG", "April - June 2017",
                List.of(), List.of(), List.of(), List.of(new AuditPlanned.PlannedMilestone(Milestone.SIGNED_OFF,
                PlannedDate.day(of(2017, 9, 20)))), List.of(), measures, "qa.manager");
    }

    private static AuditPlanned planned() {
        PlanAudit c = plan(List.of());
        return new AuditPlanned(c.auditId(), c.programmeId(), c.title(), c.theme(), c.businessPlanPriorities(),
                c.leadOfficer(), c.timescale(), c.keyLinesOfEnquiry(), c.gradingScale(), c.plannedSample(), c.milestones(),
                c.activities());
    }

    private static AuditSuccessMeasuresSet measuresSet() {
        return new AuditSuccessMeasuresSet(AUDIT, PROGRAMME, List.of(FOLLOW_UP, BRIEFINGS), "qa.manager");
    }

    /** The audit as monitored: events are facts, so the history skips the steps AuditLifecycleTest covers. */
    private static Object[] monitored() {
        return new Object[]{planned(), measuresSet(), commissioned(), new AuditReportDrafted(AUDIT, PROGRAMME, of(2017, 9, 5), "QA"),
                new AuditSignedOff(AUDIT, PROGRAMME, of(2017, 9, 20), "LSCB Executive Board"),
                new AuditMonitoringStarted(AUDIT, PROGRAMME, of(2017, 10, 3), "QA Sub-Group")};
    }

    private static Object commissioned() {
        return new AuditCommissioned(AUDIT, PROGRAMME, "Neglect", "Neglect", "Chair of LIG",
                of(2017, 4, 3), of(2017, 5, 12), of(2017, 4, 28), null, List.of(), List.of(), List.of("met-police"), List.of(),
                PartnershipPolicy.DEFAULT.recorded());
    }

    private static AuditSuccessMeasureEvaluated evaluated(String measureId, Outcome outcome) {
        return new AuditSuccessMeasureEvaluated(AUDIT, PROGRAMME, measureId, outcome, "Briefing held 3 October 2017",
                of(2018, 4, 10), "QA Sub-Group", "qa.manager");
    }

    private static AuditLearningDisseminated newsletter() {
        return new AuditLearningDisseminated(AUDIT, PROGRAMME, "newsletter-1", Channel.NEWSLETTER,
                "Key learning on neglect care plans", "LSCB newsletter readers and training providers", of(2017, 10, 2), "qa.manager");
    }

    private static CloseAudit close() {
        return new CloseAudit(AUDIT, of(2018, 4, 17), "QA Sub-Group", "Plans now SMART", TODAY);
    }

    @Test
    void successMeasuresAreSetWhenTheAuditIsPlanned() {
        fixture.givenNoPriorActivity().when(plan(List.of(FOLLOW_UP, BRIEFINGS))).expectEvents(planned(), measuresSet());
    }

    @Test
    void replanningWithTheSameMeasuresChangesNothing() {
        fixture.given(planned(), measuresSet()).when(plan(List.of(FOLLOW_UP, BRIEFINGS)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void measuresCanBeReplacedUntilTheFirstIsEvaluated() {
        fixture.given(planned(), measuresSet()).when(new SetSuccessMeasures(AUDIT, List.of(BRIEFINGS), "qa.manager"))
                .expectEvents(new AuditSuccessMeasuresSet(AUDIT, PROGRAMME, List.of(BRIEFINGS), "qa.manager"));
        fixture.given(monitored()).andGiven(evaluated("follow-up", Outcome.MET))
                .when(new SetSuccessMeasures(AUDIT, List.of(BRIEFINGS), "qa.manager"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The success measures of audit rbr-2017-neglect can no longer change: follow-up already evaluated.");
    }

    @Test
    void measureIdsAreUnique() {
        fixture.given(planned()).when(new SetSuccessMeasures(AUDIT, List.of(BRIEFINGS, BRIEFINGS), "qa.manager"))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void aMeasureIsEvaluatedWithItsEvidenceOnceSignedOff() {
        fixture.given(monitored())
                .when(new EvaluateSuccessMeasure(AUDIT, "briefings", Outcome.PARTLY_MET, "Briefing held 3 October 2017",
                        of(2018, 4, 10), "QA Sub-Group", "qa.manager", TODAY))
                .expectEvents(evaluated("briefings", Outcome.PARTLY_MET));
    }

    @Test
    void aMeasureIsNotEvaluatedBeforeTheReportIsSignedOff() {
        fixture.given(planned(), measuresSet())
                .when(new EvaluateSuccessMeasure(AUDIT, "briefings", Outcome.MET, "Held", of(2017, 6, 1), "QA", "qa", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Cannot evaluate the success measures of audit rbr-2017-neglect: it is planned, "
                        + "and its report must be signed off first.");
    }

    @Test
    void anEvaluationNeedsEvidenceAndAKnownMeasure() {
        fixture.given(monitored())
                .when(new EvaluateSuccessMeasure(AUDIT, "briefings", Outcome.MET, " ", of(2018, 4, 10), "QA", "qa", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The evaluation of success measure briefings needs the evidence for it.");
        fixture.given(monitored())
                .when(new EvaluateSuccessMeasure(AUDIT, "website", Outcome.MET, "Published", of(2018, 4, 10), "QA", "qa", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Audit rbr-2017-neglect has no success measure 'website'; its measures are follow-up, briefings.");
    }

    @Test
    void closingIsRefusedWhileAMeasureIsUnevaluated() {
        fixture.given(monitored()).andGiven(newsletter(), evaluated("follow-up", Outcome.MET))
                .when(close())
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Audit rbr-2017-neglect cannot close while success measures are not evaluated: "
                        + "briefings. Evaluate each as met, partly met or not met, with its evidence.");
    }

    @Test
    void closingIsRefusedBeforeTheLearningIsDisseminated() {
        fixture.given(monitored()).andGiven(evaluated("follow-up", Outcome.MET), evaluated("briefings", Outcome.NOT_MET))
                .when(close())
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Audit rbr-2017-neglect cannot close before its learning is disseminated: record at "
                        + "least one dissemination (newsletter, multi-agency briefing, training providers, website or other), "
                        + "what was sent, to whom and when.");
    }

    @Test
    void anAuditWithEveryMeasureEvaluatedAndItsLearningSentCloses() {
        fixture.given(monitored())
                .andGiven(evaluated("follow-up", Outcome.MET), evaluated("briefings", Outcome.PARTLY_MET), newsletter())
                .when(close())
                .expectEvents(new AuditClosed(AUDIT, PROGRAMME, of(2018, 4, 17), "QA Sub-Group", "Plans now SMART"));
    }

    @Test
    void aDisseminationIsRecordedOnceAndNotInTheFuture() {
        RecordDissemination record = new RecordDissemination(AUDIT, "newsletter-1", Channel.NEWSLETTER,
                "Key learning on neglect care plans", "LSCB newsletter readers and training providers", of(2017, 10, 2),
                "qa.manager", TODAY);
        fixture.given(monitored()).when(record).expectEvents(newsletter());
        fixture.given(monitored()).andGiven(newsletter()).when(record).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(monitored()).andGiven(newsletter())
                .when(new RecordDissemination(AUDIT, "newsletter-1", Channel.WEBSITE, "Other", "Public", of(2017, 10, 2), "qa", TODAY))
                .expectException(RuleViolation.class).expectNoEvents();
        fixture.given(monitored())
                .when(new RecordDissemination(AUDIT, "web", Channel.WEBSITE, "Learning", "Public", TODAY.plusDays(1), "qa", TODAY))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void nothingIsDisseminatedOrEvaluatedOnAClosedAudit() {
        fixture.given(monitored()).andGiven(evaluated("follow-up", Outcome.MET), evaluated("briefings", Outcome.MET), newsletter(),
                        new AuditClosed(AUDIT, PROGRAMME, of(2018, 4, 17), "QA Sub-Group", "Plans now SMART"))
                .when(new RecordDissemination(AUDIT, "web", Channel.WEBSITE, "Learning", "Public", of(2018, 5, 1), "qa", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Cannot record the dissemination of the learning of audit rbr-2017-neglect: it is closed.");
    }
}
