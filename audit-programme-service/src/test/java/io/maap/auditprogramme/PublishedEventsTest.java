package io.maap.auditprogramme;

import io.maap.events.CaseType;
import io.maap.events.EventCatalog;
import io.maap.events.Topics;
import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.AuditProgrammeEvent;
import io.maap.events.auditprogramme.ChallengeDayAgendaSent;
import io.maap.events.auditprogramme.BusinessPlanEvent;
import io.maap.events.auditprogramme.ChallengeDayHeld;
import io.maap.events.auditprogramme.DeliberateOverride;
import io.maap.events.auditprogramme.Milestone;
import io.maap.events.auditprogramme.PlannedDate;
import io.maap.events.auditprogramme.ProgrammeAgreed;
import io.maap.events.auditprogramme.ProgrammeEvent;
import io.maap.events.auditprogramme.Section11AgencyStepRecorded;
import io.maap.support.messaging.EventJson;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

/** Every event this service publishes is a catalogued contract on its topic and survives the trip through JSON. */
class PublishedEventsTest {

    @Test
    void everyPublishedEventHasAFixedTypeNameOnTheAuditProgrammeTopic() {
        List<Class<?>> published = Stream.of(AuditProgrammeEvent.class, ProgrammeEvent.class, BusinessPlanEvent.class)
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
                .toList();
        assertThat(published).hasSize(25);
        assertThat(published).allSatisfy(type -> {
            EventCatalog.Entry entry = EventCatalog.forPayload(type).orElseThrow();
            assertThat(entry.topic()).isEqualTo(Topics.AUDIT_PROGRAMME_EVENTS);
            assertThat(entry.cloudEventType()).matches("maap\\.(programme|audit|section-11|business-plan)\\.[a-z]+(-[a-z]+)*\\.v1");
            assertThat(type.isRecord()).isTrue();
        });
    }

    @Test
    void eventsRoundTripThroughTheirJsonForm() {
        DeliberateOverride override = new DeliberateOverride("LSCB Executive", "Summer holidays");
        List<Object> events = List.of(
                new ProgrammeAgreed("redbridge-2017-18", "Redbridge LSCB", "Programme", of(2017, 4, 1), of(2018, 3, 31),
                        of(2017, 3, 22), "LSCB Executive"),
                new AuditPlanned("a", "p", "t", "theme", List.of("3"), "lead", "April - June 2017", List.of("Voice of the child"),
                        List.of("Good"), List.of(new AuditPlanned.PlannedSample(CaseType.LOOKED_AFTER, 2)),
                        List.of(new AuditPlanned.PlannedMilestone(Milestone.CHALLENGE_DAY,
                                new PlannedDate(of(2017, 5, 22), PlannedDate.Precision.WEEK_COMMENCING))),
                        List.of(new AuditPlanned.Activity("obs", "Observe", PlannedDate.day(of(2017, 4, 3)), null))),
                new ChallengeDayHeld("a", "p", of(2017, 5, 23), "chair", of(2017, 5, 19), override),
                new ChallengeDayAgendaSent("a", "p", of(2017, 5, 23), of(2017, 5, 22), "qa.coordinator", of(2017, 5, 19),
                        override),
                new Section11AgencyStepRecorded("s", "p", "met-police", Section11AgencyStepRecorded.Step.CHALLENGE_PANEL_HELD,
                        of(2017, 2, 20), "Lay member"));
        assertThat(events).allSatisfy(event -> assertThat(
                EventJson.mapper().readValue(EventJson.mapper().writeValueAsString(event), event.getClass())).isEqualTo(event));
    }
}
