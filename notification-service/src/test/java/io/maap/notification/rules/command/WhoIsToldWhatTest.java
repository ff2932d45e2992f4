package io.maap.notification.rules.command;

import io.maap.events.CaseType;
import io.maap.events.actionplan.ActionOverdue;
import io.maap.events.actionplan.ActionPlanDisseminated;
import io.maap.events.actionplan.ActionUpdateMissed;
import io.maap.events.actionplan.ActionUpdateRequested;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditMilestoneRescheduled;
import io.maap.events.auditprogramme.ChallengeDayAgendaSent;
import io.maap.events.auditprogramme.ChallengeDayScheduled;
import io.maap.events.auditprogramme.Milestone;
import io.maap.events.auditprogramme.PlannedDate;
import io.maap.events.casereturn.ReturnDeadlineExtended;
import io.maap.events.casereturn.ReturnSentBack;
import io.maap.events.casereturn.SafeguardingConcernRaised;
import io.maap.support.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The table in docs/notifications.md, rule by rule. */
class WhoIsToldWhatTest {

    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales();
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    // Friday 20 October 2017: the first working day after it is Monday 23 October.
    static final LocalDate DEADLINE = LocalDate.of(2017, 10, 20);
    static final LocalDate REMINDER = LocalDate.of(2017, 10, 6);

    static AuditCommissioned commissioned() {
        return new AuditCommissioned("neglect", "redbridge-2017-18", "Neglect", "Neglect", "QA Manager",
                LocalDate.of(2017, 9, 22), DEADLINE, REMINDER, null,
                List.of(new AuditCommissioned.AuditQuestion("q1", "Was the risk assessed?", true)),
                List.of(new AuditCommissioned.SampledCase("RB-0002", CaseType.CHILD_IN_NEED),
                        new AuditCommissioned.SampledCase("RB-0001", CaseType.CHILD_IN_NEED)),
                List.of("nelft", "met-police"));
    }

    static RequestFacts request(String caseRef, String agency, boolean awaiting) {
        return new RequestFacts("neglect:" + caseRef + ":" + agency, "neglect", "redbridge-2017-18", agency, caseRef,
                DEADLINE, REMINDER, awaiting);
    }

    @Nested
    class ToolSentRule {

        @Test
        void eachAgencysSpocGetsOneMessageListingItsCasesAndTheDeadline() {
            List<Planned> planned = new ToolSent().when("ev-1", commissioned());

            assertThat(planned).extracting(Planned::source).containsExactly("ev-1/met-police", "ev-1/nelft");
            assertThat(planned).allSatisfy(p -> {
                assertThat(p.kind()).isEqualTo(Kind.TOOL_SENT);
                assertThat(p.params()).containsEntry("caseReferences", "RB-0001, RB-0002")
                        .containsEntry("caseCount", "2").containsEntry("deadline", "2017-10-20");
            });
            assertThat(planned.get(0).recipients()).containsExactly(Recipient.spoc("met-police"));
        }
    }

    @Nested
    class ReturnDatesRule {

        final ReturnDates dates = new ReturnDates(CALENDAR, 5);

        @Test
        void onTheReminderDateTheSpocIsRemindedOnlyOfRequestsStillAwaitingAReturn() {
            List<RequestFacts> requests = List.of(request("RB-0001", "met-police", true),
                    request("RB-0002", "met-police", false), request("RB-0003", "met-police", true),
                    request("RB-0001", "nelft", false));

            List<Planned> planned = dates.remindersDue(REMINDER, requests);

            assertThat(planned).singleElement().satisfies(p -> {
                assertThat(p.source()).isEqualTo("reminder:neglect:met-police:2017-10-06");
                assertThat(p.recipients()).containsExactly(Recipient.spoc("met-police"));
                assertThat(p.params()).containsEntry("caseReferences", "RB-0001, RB-0003").containsEntry("caseCount", "2");
            });
        }

        @Test
        void noReminderBeforeTheReminderDateNorAfterTheDeadline() {
            List<RequestFacts> requests = List.of(request("RB-0001", "met-police", true));

            assertThat(dates.remindersDue(REMINDER.minusDays(1), requests)).isEmpty();
            assertThat(dates.remindersDue(DEADLINE.plusDays(1), requests)).isEmpty();
        }

        @Test
        void theOverdueDigestComesOnTheFirstWorkingDayAfterTheDeadlineToTheSpocAndTheQaCoordinator() {
            List<RequestFacts> requests = List.of(request("RB-0001", "met-police", true), request("RB-0002", "met-police", true),
                    request("RB-0001", "nelft", false));

            assertThat(dates.overdueDigestsDue(LocalDate.of(2017, 10, 22), requests)).as("Sunday").isEmpty();
            List<Planned> planned = dates.overdueDigestsDue(LocalDate.of(2017, 10, 23), requests);

            assertThat(planned).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(Kind.OVERDUE_DIGEST);
                assertThat(p.source()).isEqualTo("overdue:neglect:met-police:2017-10-20");
                assertThat(p.recipients()).containsExactly(Recipient.spoc("met-police"), Recipient.qaCoordinator());
                assertThat(p.params()).containsEntry("caseCount", "2").containsEntry("overdueFrom", "2017-10-23");
            });
        }

        @Test
        void aBankHolidayPushesTheDigestToTheNextWorkingDay() {
            // Friday 22 December 2017: Christmas Day and Boxing Day are bank holidays.
            RequestFacts due = new RequestFacts("r", "a", "p", "nelft", "RB-9", LocalDate.of(2017, 12, 22), null, true);

            assertThat(dates.overdueDigestsDue(LocalDate.of(2017, 12, 26), List.of(due))).isEmpty();
            assertThat(dates.overdueDigestsDue(LocalDate.of(2017, 12, 27), List.of(due))).hasSize(1);
        }

        @Test
        void aServiceStartedLongAfterTheDatesSendsNoStaleReminderOrDigest() {
            List<RequestFacts> requests = List.of(request("RB-0001", "met-police", true));

            assertThat(dates.overdueDigestsDue(LocalDate.of(2018, 3, 1), requests)).isEmpty();
        }
    }

    @Nested
    class ReturnChangesRule {

        @Test
        void aSendBackTellsTheSpocHowManyReasonsWithoutTheirText() {
            ReturnSentBack sentBack = new ReturnSentBack("r1", "neglect", "p", "RB-0001", "nelft", 1,
                    List.of("Section 3 names the child's school", "Grade missing"), "qa.coordinator",
                    Instant.parse("2017-10-16T10:00:00Z"), LocalDate.of(2017, 10, 16), LocalDate.of(2017, 10, 23));

            Planned planned = new ReturnChanges().sentBack("ev-9", sentBack).get(0);

            assertThat(planned.recipients()).containsExactly(Recipient.spoc("nelft"));
            assertThat(planned.params()).containsEntry("reasonCount", "2").containsEntry("resubmissionDue", "2017-10-23");
            assertThat(planned.params().values()).noneMatch(v -> v.contains("school"));
        }

        @Test
        void anExtensionTellsTheSpocTheNewDeadline() {
            ReturnDeadlineExtended extended = new ReturnDeadlineExtended("r1", "neglect", "p", "RB-0001", "nelft",
                    DEADLINE, DEADLINE.plusDays(7), "staff sickness", "qa.coordinator", Instant.parse("2017-10-16T10:00:00Z"));

            Planned planned = new ReturnChanges().extended("ev-10", extended).get(0);

            assertThat(planned.kind()).isEqualTo(Kind.EXTENSION_GRANTED);
            assertThat(planned.params()).containsEntry("deadline", "2017-10-27").doesNotContainValue("staff sickness");
        }
    }

    @Nested
    class SafeguardingRule {

        final Safeguarding safeguarding = new Safeguarding(CALENDAR, LONDON);
        // Friday 13 October 2017, 15:00 in London.
        final Instant raisedAt = ZonedDateTime.of(2017, 10, 13, 15, 0, 0, 0, LONDON).toInstant();

        @Test
        void aConcernGoesToTheAgencysSafeguardingLeadAndTheQaCoordinatorAtOnceMarkedUrgent() {
            Planned planned = safeguarding.raised("ev-3", new SafeguardingConcernRaised("r1", "neglect", "p", "RB-0001",
                    "met-police", "c1", "auditor", raisedAt, "The child disclosed ...")).get(0);

            assertThat(planned.urgent()).isTrue();
            assertThat(planned.recipients()).containsExactly(Recipient.safeguardingLead("met-police"), Recipient.qaCoordinator());
            assertThat(planned.params().values()).noneMatch(v -> v.contains("disclosed"));
        }

        @Test
        void notAcknowledgedWithinOneWorkingDayItIsEscalatedToTheQaCoordinatorAndTheAuditsLead() {
            ConcernFacts open = new ConcernFacts("c1", "neglect", "p", "met-police", "RB-0001", raisedAt, false);
            Instant mondayJustBefore = ZonedDateTime.of(2017, 10, 16, 14, 59, 0, 0, LONDON).toInstant();
            Instant mondayThen = ZonedDateTime.of(2017, 10, 16, 15, 0, 0, 0, LONDON).toInstant();

            assertThat(safeguarding.escalationsDue(mondayJustBefore, List.of(open))).isEmpty();
            assertThat(safeguarding.escalationsDue(mondayThen, List.of(open))).singleElement().satisfies(p -> {
                assertThat(p.source()).isEqualTo("escalation:c1");
                assertThat(p.urgent()).isTrue();
                assertThat(p.recipients()).containsExactly(Recipient.qaCoordinator(), Recipient.auditLead("neglect"));
            });
        }

        @Test
        void anAcknowledgedConcernIsNotEscalated() {
            ConcernFacts acknowledged = new ConcernFacts("c1", "neglect", "p", "met-police", "RB-0001", raisedAt, true);

            assertThat(safeguarding.escalationsDue(raisedAt.plusSeconds(30 * 86_400), List.of(acknowledged))).isEmpty();
        }
    }

    @Nested
    class ChallengeDaysRule {

        @Test
        void scheduledOrMovedEachParticipatingAgencysSpocIsTold() {
            ChallengeDays rule = new ChallengeDays();
            List<String> agencies = List.of("nelft", "met-police");

            assertThat(rule.scheduled("ev-4", new ChallengeDayScheduled("neglect", "p", LocalDate.of(2017, 11, 16), null,
                    LocalDate.of(2017, 11, 9), LocalDate.of(2017, 12, 1), null), agencies))
                    .extracting(Planned::recipients).containsExactly(List.of(Recipient.spoc("met-police")),
                            List.of(Recipient.spoc("nelft")));
            assertThat(rule.moved("ev-5", new AuditMilestoneRescheduled("neglect", "p", Milestone.CHALLENGE_DAY,
                    new PlannedDate(LocalDate.of(2017, 11, 16), PlannedDate.Precision.DAY),
                    new PlannedDate(LocalDate.of(2017, 11, 23), PlannedDate.Precision.DAY), "QA", "room"), agencies))
                    .hasSize(2).allSatisfy(p -> assertThat(p.params()).containsEntry("challengeDay", "2017-11-23"));
            assertThat(rule.moved("ev-6", new AuditMilestoneRescheduled("neglect", "p", Milestone.REPORT_DRAFTED,
                    new PlannedDate(LocalDate.of(2017, 11, 16), PlannedDate.Precision.DAY),
                    new PlannedDate(LocalDate.of(2017, 11, 23), PlannedDate.Precision.DAY), "QA", "x"), agencies)).isEmpty();
        }

        @Test
        void agendaSentEachParticipatingAgencysSpocIsToldOnceWithTheDayAndWhenItWentOut() {
            ChallengeDays rule = new ChallengeDays();
            ChallengeDayAgendaSent sent = new ChallengeDayAgendaSent("neglect", "p", LocalDate.of(2017, 11, 16),
                    LocalDate.of(2017, 11, 14), "qa.coordinator", LocalDate.of(2017, 11, 14), null);

            List<Planned> planned = rule.agendaSent("ev-7", sent, List.of("nelft", "met-police"));

            assertThat(planned).extracting(Planned::recipients).containsExactly(List.of(Recipient.spoc("met-police")),
                    List.of(Recipient.spoc("nelft")));
            assertThat(planned).extracting(Planned::source).containsExactly("ev-7/met-police", "ev-7/nelft");
            assertThat(planned).allSatisfy(p -> {
                assertThat(p.kind()).isEqualTo(Kind.CHALLENGE_DAY_AGENDA_SENT);
                assertThat(p.urgent()).isFalse();
                assertThat(p.params()).containsEntry("challengeDay", "2017-11-16").containsEntry("agendaSentOn", "2017-11-14")
                        .doesNotContainKey("sentBy");
            });
            assertThat(rule.agendaSent("ev-8", sent, List.of())).isEmpty();
        }
    }

    @Nested
    class ActionsRule {

        final Actions actions = new Actions();

        @Test
        void aDisseminatedPlanTellsEachOwningAgencysLeadOfficerOfItsActionsOnce() {
            List<ActionFacts> facts = List.of(new ActionFacts("a1", "plan", "neglect", "p", "nelft", LocalDate.of(2018, 3, 1)),
                    new ActionFacts("a2", "plan", "neglect", "p", "nelft", LocalDate.of(2018, 2, 1)),
                    new ActionFacts("a3", "plan", "neglect", "p", "met-police", LocalDate.of(2018, 4, 1)),
                    new ActionFacts("x", "other-plan", "neglect", "p", "bhrut", LocalDate.of(2018, 4, 1)));

            List<Planned> planned = actions.disseminated("ev-7", new ActionPlanDisseminated("plan", "neglect", "p", null,
                    List.of("Board"), "QA", LocalDate.of(2017, 12, 1)), facts);

            assertThat(planned).extracting(Planned::recipients).containsExactly(List.of(Recipient.leadOfficer("met-police")),
                    List.of(Recipient.leadOfficer("nelft")));
            assertThat(planned.get(1).params()).containsEntry("actionIds", "a1, a2").containsEntry("firstDueDate", "2018-02-01");
        }

        @Test
        void anUpdateRequestGoesToTheOwnerAndAMissedUpdateOrOverdueActionAlsoToTheQaCoordinator() {
            assertThat(actions.updateRequested("e1", new ActionUpdateRequested("q1", "a1", "plan", "neglect", "p", "nelft",
                    "DI Lead", LocalDate.of(2018, 1, 1), LocalDate.of(2018, 1, 15))).get(0).recipients())
                    .containsExactly(Recipient.leadOfficer("nelft"));
            assertThat(actions.updateMissed("e2", new ActionUpdateMissed("q1", "a1", "plan", "neglect", "p", "nelft",
                    "DI Lead", LocalDate.of(2018, 1, 15))).get(0).recipients())
                    .containsExactly(Recipient.leadOfficer("nelft"), Recipient.qaCoordinator());
            assertThat(actions.overdue("e3", new ActionOverdue("a1", "plan", "neglect", "p", "nelft", "DI Lead",
                    LocalDate.of(2018, 3, 1))).get(0).recipients())
                    .containsExactly(Recipient.leadOfficer("nelft"), Recipient.qaCoordinator());
        }
    }
}
