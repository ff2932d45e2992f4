package io.maap.reporting.audits.web;

import io.maap.events.auditprogramme.PlannedDate;
import io.maap.events.auditprogramme.Section11ActionPlansPresented;
import io.maap.events.auditprogramme.Section11AgencyStepRecorded;
import io.maap.events.auditprogramme.Section11AgencyStepRecorded.Step;
import io.maap.events.auditprogramme.Section11AuditClosed;
import io.maap.events.auditprogramme.Section11AuditPlanned;
import io.maap.events.auditprogramme.Section11MonitoringReviewed;
import io.maap.reporting.ProjectionTestSupport;
import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.scorecard.query.Scorecards;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.maap.reporting.ProjectionTestSupport.event;
import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 000's Section 11 row: "Section 11 | December 2016 | N/A | December 2018", read from the events. */
class Section11ScheduleTest {

    private static final String AUDIT = "rbr-s11-2016-18";
    private static final String PROGRAMME = "redbridge-2017-18";
    private final AuditsProjection projection = new AuditsProjection();
    private ProjectionStore store;
    private long sequence;

    @BeforeEach
    void setUp() {
        store = ProjectionTestSupport.newStore();
        apply(new Section11AuditPlanned(AUDIT, PROGRAMME, "Section 11 Audit 2016 - 2018", List.of("6", "8"),
                "LSCB Quality Assurance Manager", "2016 - 2018", List.of("met-police", "nelft"),
                new PlannedDate(of(2016, 12, 1), PlannedDate.Precision.MONTH),
                new PlannedDate(of(2018, 12, 1), PlannedDate.Precision.MONTH), List.of()));
    }

    private void apply(Object payload) {
        projection.apply(event(payload, ++sequence), store);
    }

    private ScheduleController.ScheduleRow row(LocalDate today) {
        Document audit = store.mongo().findById(AUDIT, Document.class, store.collection(AuditsProjection.AUDITS));
        return ScheduleController.row(audit, today);
    }

    @Test
    void aPlannedSection11AuditIsARowOfTheScheduleWithNoRoundTable() {
        ScheduleController.ScheduleRow row = row(of(2017, 1, 5));

        assertThat(row.theme()).isEqualTo("Section 11");
        assertThat(row.commence().planned()).isEqualTo(of(2016, 12, 1));
        assertThat(row.commence().precision()).isEqualTo("MONTH");
        assertThat(row.roundTable()).isNull();
        assertThat(row.presented().planned()).isEqualTo(of(2018, 12, 1));
        assertThat(row.presented().status()).isEqualTo("ON_TRACK");
    }

    @Test
    void theJulyBoardPresentationOfThePlansIsNotTheFinalPresentation() {
        apply(new Section11AgencyStepRecorded(AUDIT, PROGRAMME, "nelft", Step.SELF_ASSESSMENT_SUBMITTED, of(2017, 1, 31), null));
        apply(new Section11AgencyStepRecorded(AUDIT, PROGRAMME, "met-police", Step.SELF_ASSESSMENT_SUBMITTED, of(2016, 12, 20), "SPOC"));
        apply(new Section11ActionPlansPresented(AUDIT, PROGRAMME, of(2017, 7, 18), "LSCB Board", List.of(), null));

        ScheduleController.ScheduleRow row = row(of(2017, 7, 19));
        assertThat(row.stage()).isEqualTo("ACTION_PLANS_PRESENTED");
        assertThat(row.commence().actual()).isEqualTo(of(2016, 12, 20));
        assertThat(row.commence().status()).isEqualTo("MET");
        assertThat(row.milestones().get(AuditsProjection.ACTION_PLANS_PRESENTED).actual()).isEqualTo(of(2017, 7, 18));
        assertThat(row.presented().actual()).isNull();
        assertThat(row.presented().status()).isEqualTo("ON_TRACK");
    }

    @Test
    void theFinalPresentationIsTheClosureWithTheEvaluation() {
        apply(new Section11ActionPlansPresented(AUDIT, PROGRAMME, of(2017, 7, 18), "LSCB Board", List.of("nelft"), null));
        apply(new Section11MonitoringReviewed(AUDIT, PROGRAMME, of(2017, 10, 3), "LSCB Board (October)"));
        apply(new Section11MonitoringReviewed(AUDIT, PROGRAMME, of(2018, 1, 16), "LSCB Board (January)"));
        apply(new Section11AuditClosed(AUDIT, PROGRAMME, of(2018, 4, 24), "LSCB Board", "Panels worked"));

        ScheduleController.ScheduleRow row = row(of(2018, 5, 1));
        assertThat(row.stage()).isEqualTo("CLOSED");
        assertThat(row.presented().actual()).isEqualTo(of(2018, 4, 24));
        assertThat(row.presented().status()).isEqualTo("MET");
        assertThat(row.milestones().get("MONITORING_STARTED").actual()).isEqualTo(of(2017, 10, 3));
    }

    @Test
    void theScorecardCountsTheSection11MilestonesAgainstTheirPlannedMonths() {
        apply(new Section11AgencyStepRecorded(AUDIT, PROGRAMME, "nelft", Step.SELF_ASSESSMENT_SUBMITTED, of(2016, 12, 20), null));

        var milestones = new Scorecards(new io.maap.support.calendar.Lateness(io.maap.support.calendar.WorkingDayCalendar.englandAndWales())).compute(store, of(2017, 7, 19), PROGRAMME, AUDIT, null).figures().milestones();
        assertThat(milestones.planned()).isEqualTo(2);
        assertThat(milestones.met()).isEqualTo(1);
        assertThat(milestones.onTrack()).isEqualTo(1);
    }
}
