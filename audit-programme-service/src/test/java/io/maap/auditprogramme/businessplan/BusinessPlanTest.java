package io.maap.auditprogramme.businessplan;

import io.maap.auditprogramme.businessplan.command.AdoptBusinessPlan;
import io.maap.auditprogramme.businessplan.command.BusinessPlan;
import io.maap.auditprogramme.businessplan.command.LinkToPriority;
import io.maap.auditprogramme.businessplan.command.RatePriority;
import io.maap.events.actionplan.Rag;
import io.maap.events.auditprogramme.BusinessPlanAdopted;
import io.maap.events.auditprogramme.BusinessPlanAdopted.PlanAction;
import io.maap.events.auditprogramme.BusinessPlanAdopted.Priority;
import io.maap.events.auditprogramme.BusinessPlanItemLinked;
import io.maap.events.auditprogramme.BusinessPlanItemLinked.Kind;
import io.maap.events.auditprogramme.BusinessPlanPriorityRated;
import io.maap.support.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static java.time.LocalDate.of;

/** Redbridge's business plan 2014-15 (seed 002): adopted, its priorities rated quarter by quarter and linked to audits. */
class BusinessPlanTest {

    private static final String PLAN = "redbridge-bp-2014-15";
    private static final LocalDate TODAY = of(2015, 6, 30);
    private static final Priority CSE = new Priority("2.2", "Enabling children and young people to be safe and promote their well being",
            "To address the issues of Child Sexual Exploitation (CSE) and silent victims including child trafficking and missing children.",
            List.of(new PlanAction("2.2.1", "2.2.1", "To finalise the CSE strategy for the Borough.",
                            "Chair of CSE Sub Group Veronica Leigh and John Delaney", "CSE Strategy to be presented to the LSCB.",
                            "Staff to become familiar with the CSE Strategy.", "June 2014"),
                    new PlanAction("2.2.1-2", null, "To further develop the LSCB's resources for CSE.", null, null,
                            "CSE Resource Pack to be put together for professional", "September 2014")));
    private static final Priority NEGLECT = new Priority("2.5", "Enabling children and young people to be safe and promote their well being",
            "Neglect", List.of(new PlanAction("2.5.1", "2.5.1", "LSCB to monitor neglect", "LSCB Executive", null, null, "October 2014")));

    private AggregateTestFixture<BusinessPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BusinessPlan.class);
    }

    private static AdoptBusinessPlan adopt(List<Priority> priorities, String recordedBy) {
        return new AdoptBusinessPlan(PLAN, "Redbridge LSCB", "LSCB Business Plan 2014/15", of(2014, 4, 1), of(2015, 3, 31),
                of(2014, 3, 26), "LSCB Board", recordedBy, priorities, TODAY);
    }

    private static BusinessPlanAdopted adopted() {
        return new BusinessPlanAdopted(PLAN, "Redbridge LSCB", "LSCB Business Plan 2014/15", of(2014, 4, 1), of(2015, 3, 31),
                of(2014, 3, 26), "LSCB Board", "qa.manager", List.of(CSE, NEGLECT));
    }

    private static RatePriority rate(int quarter, Rag rag, String reason, LocalDate on) {
        return new RatePriority(PLAN, "2.2", quarter, rag, reason, on, "LSCB Executive", "board.member", TODAY);
    }

    @Test
    void aPlanIsAdoptedWithItsPrioritiesAndTheirActionsAsThePlanWordsThem() {
        fixture.givenNoPriorActivity().when(adopt(List.of(CSE, NEGLECT), "qa.manager")).expectEvents(adopted());
    }

    @Test
    void enteringTheSamePlanAgainChangesNothingWhoeverEntersIt() {
        fixture.given(adopted()).when(adopt(List.of(CSE, NEGLECT), "another.user")).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anotherPlanUnderTheSameIdIsRefused() {
        fixture.given(adopted()).when(adopt(List.of(CSE), "qa.manager")).expectException(RuleViolation.class)
                .expectExceptionMessage("Business plan redbridge-bp-2014-15 was already adopted with other details.");
    }

    @Test
    void priorityAndActionIdsAreUnique() {
        fixture.givenNoPriorActivity().when(adopt(List.of(CSE, CSE), "qa")).expectException(RuleViolation.class)
                .expectExceptionMessage("Priority 2.2 is given twice.");
        Priority clash = new Priority("2.6", "t", "p", List.of(new PlanAction("2.2.1", null, "a", null, null, null, null)));
        fixture.givenNoPriorActivity().when(adopt(List.of(CSE, clash), "qa")).expectException(RuleViolation.class)
                .expectExceptionMessage("Action 2.2.1 is given twice; each action of the plan needs its own id.");
    }

    @Test
    void aPriorityIsRatedForAQuarterWithWhoWhenAndWhy() {
        fixture.given(adopted()).when(rate(2, Rag.AMBER, "Strategy drafted, not yet presented", of(2014, 7, 15)))
                .expectEvents(new BusinessPlanPriorityRated(PLAN, "2.2", 2, Rag.AMBER, "Strategy drafted, not yet presented",
                        of(2014, 7, 15), "LSCB Executive", "board.member"));
    }

    @Test
    void aLaterRatingOfTheSameQuarterIsKeptBesideTheFirstAndARetryChangesNothing() {
        BusinessPlanPriorityRated first = new BusinessPlanPriorityRated(PLAN, "2.2", 2, Rag.AMBER, "Drafted", of(2014, 7, 15),
                "LSCB Executive", "board.member");
        fixture.given(adopted(), first).when(rate(2, Rag.AMBER, "Drafted", of(2014, 7, 15)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(adopted(), first).when(rate(2, Rag.GREEN, "Presented to the Board", of(2014, 9, 10)))
                .expectEvents(new BusinessPlanPriorityRated(PLAN, "2.2", 2, Rag.GREEN, "Presented to the Board",
                        of(2014, 9, 10), "LSCB Executive", "board.member"));
    }

    @Test
    void aRatingSaysWhy() {
        fixture.given(adopted()).when(rate(1, Rag.RED, " ", of(2014, 6, 20))).expectException(RuleViolation.class)
                .expectExceptionMessage("A RAG rating says why: give the reason the Board will read.");
    }

    @Test
    void aQuarterIsNotRatedBeforeItBeginsNorInTheFuture() {
        fixture.given(adopted()).when(rate(3, Rag.GREEN, "Ahead", of(2014, 7, 15))).expectException(RuleViolation.class)
                .expectExceptionMessage("Quarter 3 of the plan has not begun on 2014-07-15 (that day is in quarter 2).");
        fixture.given(adopted()).when(rate(4, Rag.GREEN, "Done", TODAY.plusDays(1))).expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(adopted()).when(rate(5, Rag.GREEN, "Done", of(2015, 4, 20))).expectException(RuleViolation.class)
                .expectExceptionMessage("A plan's year has quarters 1 to 4, not 5.");
    }

    @Test
    void anUnknownPriorityIsNotRated() {
        fixture.given(adopted())
                .when(new RatePriority(PLAN, "9.9", 1, Rag.RED, "x", of(2014, 6, 1), "Board", "b", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Business plan redbridge-bp-2014-15 has no priority '9.9'.");
    }

    @Test
    void auditsFindingsAndActionsAreLinkedToAPriorityOnce() {
        fixture.given(adopted()).when(new LinkToPriority(PLAN, "2.2", Kind.AUDIT, "rbr-2017-missing", null, "qa", TODAY))
                .expectEvents(new BusinessPlanItemLinked(PLAN, "2.2", Kind.AUDIT, "rbr-2017-missing", null, TODAY, "qa"));
        BusinessPlanItemLinked finding = new BusinessPlanItemLinked(PLAN, "2.2", Kind.FINDING, "rbr-2017-missing", "f1", TODAY, "qa");
        fixture.given(adopted()).when(new LinkToPriority(PLAN, "2.2", Kind.FINDING, "rbr-2017-missing", "f1", "qa", TODAY))
                .expectEvents(finding);
        fixture.given(adopted(), finding)
                .when(new LinkToPriority(PLAN, "2.2", Kind.FINDING, "rbr-2017-missing", "f1", "other", TODAY.plusDays(3)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aFindingOrActionIsLinkedByItsIdAndAnAuditWithout() {
        fixture.given(adopted()).when(new LinkToPriority(PLAN, "2.2", Kind.ACTION, "rbr-2017-missing", null, "qa", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A action is linked by its id within its audit: give the itemId.");
        fixture.given(adopted()).when(new LinkToPriority(PLAN, "2.2", Kind.AUDIT, "rbr-2017-missing", "a1", "qa", TODAY))
                .expectException(RuleViolation.class).expectNoEvents();
    }
}
