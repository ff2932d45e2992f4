package io.maap.reporting.projection.query;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

/** "As of" a date: the position then, from the business dates the documents hold, without replay. */
class AsOfTest {

    private static final java.time.ZoneId UK = java.time.ZoneId.of("Europe/London");

    private static Document returned() {
        return new Document("_id", "r1").append("requestedOn", "2017-04-03").append("originalDueDate", "2017-05-12")
                .append("dueDate", "2017-05-19").append("extended", false).append("received", true)
                .append("awaitingAgency", false).append("status", "ACCEPTED").append("firstSubmittedOn", "2017-05-15")
                .append("firstWorkingDaysLate", 1).append("sentBackCount", 1);
    }

    @Test
    void aReturnNotYetRequestedOnTheDateIsNotThere() {
        assertThat(AsOf.returnRequest(returned(), of(2017, 4, 2))).isNull();
    }

    @Test
    void aReturnRequestedButNotYetReceivedOnTheDateWasAwaitedAgainstItsFirstDeadline() {
        Document then = AsOf.returnRequest(returned(), of(2017, 5, 13));
        assertThat(then.getBoolean("received")).isFalse();
        assertThat(then.getBoolean("awaitingAgency")).isTrue();
        assertThat(then.getString("status")).isEqualTo("AWAITING");
        assertThat(then.getString("dueDate")).isEqualTo("2017-05-12");
        assertThat(then.get("firstSubmittedOn")).isNull();
    }

    @Test
    void aReturnReceivedByTheDateIsAsItIsNow() {
        assertThat(AsOf.returnRequest(returned(), of(2017, 5, 15))).isEqualTo(returned());
    }

    private static Document action() {
        return new Document("actionId", "a1").append("addedOn", "2017-07-04").append("dueDate", "2017-12-31")
                .append("open", true).append("rag", "GREEN").append("closedOn", null).append("history", List.of(
                        new Document("kind", "ADDED").append("on", "2017-07-04"),
                        new Document("kind", "PROGRESS").append("on", "2017-10-03").append("rag", "AMBER"),
                        new Document("kind", "CLOSED").append("on", "2017-11-01"),
                        new Document("kind", "REOPENED").append("on", "2018-01-10"),
                        new Document("kind", "PROGRESS").append("on", "2018-02-01").append("rag", "GREEN")));
    }

    @Test
    void anActionIsOpenOrClosedAndRatedAsItWasOnTheDate() {
        assertThat(AsOf.action(action(), of(2017, 7, 3))).isNull();
        Document october = AsOf.action(action(), of(2017, 10, 31));
        assertThat(october.getBoolean("open")).isTrue();
        assertThat(october.getString("rag")).isEqualTo("AMBER");
        assertThat(october.getList("history", Document.class)).hasSize(2);
        Document december = AsOf.action(action(), of(2017, 12, 1));
        assertThat(december.getBoolean("open")).isFalse();
        assertThat(december.getString("closedOn")).isEqualTo("2017-11-01");
        Document january = AsOf.action(action(), of(2018, 1, 15));
        assertThat(january.getBoolean("open")).isTrue();
        assertThat(january.get("closedOn")).isNull();
    }

    @Test
    void anAuditHasReachedOnlyTheMilestonesDatedByThenAndStandsAtTheLastOne() {
        Document audit = new Document("_id", "rbr-2017-neglect").append("stage", "SIGNED_OFF").append("milestones",
                new Document("TOOL_SENT", new Document("actual", "2017-04-03"))
                        .append("RETURNS_CLOSED", new Document("actual", "2017-05-12"))
                        .append("CHALLENGE_DAY", new Document("actual", "2017-05-25"))
                        .append("SIGNED_OFF", new Document("actual", "2017-09-20")
                                .append("planned", new Document("date", "2017-09-01").append("precision", "MONTH"))));
        Document july = AsOf.audit(audit, LocalDate.of(2017, 7, 18));
        assertThat(july.getString("stage")).isEqualTo("CHALLENGE_DAY_HELD");
        Document signedOff = july.get("milestones", Document.class).get("SIGNED_OFF", Document.class);
        assertThat(signedOff.get("actual")).isNull();
        assertThat(signedOff.get("planned")).isNotNull();
        assertThat(AsOf.audit(audit, LocalDate.of(2017, 4, 1)).getString("stage")).isEqualTo("PLANNED");
    }

    @Test
    void asOfIsRefusedWithAsAtOrInTheFuture() {
        ViewStores views = new ViewStores(null, null, java.time.Clock.fixed(java.time.Instant.parse("2017-07-18T12:00:00Z"),
                java.time.ZoneId.of("Europe/London")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> views.view(java.time.Instant.parse("2017-07-01T12:00:00Z"),
                of(2017, 7, 1))).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> views.view(null, of(2017, 7, 19)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("asOf must not be in the future");
    }

    private static Document concern() {
        return new Document("concernId", "c1").append("raisedAt", "2017-07-10T09:00:00Z").append("open", false)
                .append("acknowledgedBy", "met-police-lead").append("acknowledgedAt", "2017-07-11T23:30:00Z")
                .append("response", "Referred to MASH");
    }

    @Test
    void aConcernNotYetRaisedOnTheDateIsNotThere() {
        assertThat(AsOf.concern(concern(), of(2017, 7, 9), UK)).isNull();
    }

    @Test
    void aConcernAcknowledgedAfterTheDateWasOpenThen() {
        Document then = AsOf.concern(concern(), of(2017, 7, 11), UK);
        assertThat(then.getBoolean("open")).isTrue();
        assertThat(then.get("acknowledgedBy")).isNull();
        assertThat(then.get("response")).isNull();
    }

    @Test
    void aConcernAcknowledgedByTheDateInTheUkIsAsItIsNow() {
        // 23:30 UTC on 11 July is 00:30 on 12 July in the UK (BST).
        assertThat(AsOf.concern(concern(), of(2017, 7, 12), UK)).isEqualTo(concern());
    }
}
