package io.maap.events.actionplan;

import io.maap.events.EventCatalog;
import io.maap.events.Topics;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ActionPlanEventCatalogTest {

    @Test
    void everyActionPlanEventIsAnImmutableRecordPublishedOnTheActionPlanTopic() {
        List<Class<?>> family = Arrays.asList(ActionPlanEvent.class.getPermittedSubclasses());
        assertThat(family).hasSize(15).allSatisfy(type -> {
            assertThat(type.isRecord()).as(type.getSimpleName()).isTrue();
            assertThat(EventCatalog.forPayload(type)).get()
                    .satisfies(entry -> assertThat(entry.topic()).isEqualTo(Topics.ACTION_PLAN_EVENTS));
        });
    }

    @Test
    void theNamesArePublishedExactlyAsAgreed() {
        assertThat(Arrays.stream(ActionPlanEvent.class.getPermittedSubclasses())
                .map(type -> EventCatalog.forPayload(type).orElseThrow().cloudEventType()))
                .containsExactlyInAnyOrder(
                        "maap.finding-aspect.registered.v1",
                        "maap.finding.recorded.v1",
                        "maap.good-practice.recognised.v1",
                        "maap.action-plan.drafted.v1",
                        "maap.action-plan.agreed.v1",
                        "maap.action-plan.disseminated.v1",
                        "maap.action.added.v1",
                        "maap.action.progress-reported.v1",
                        "maap.action.update-requested.v1",
                        "maap.action.update-missed.v1",
                        "maap.action.overdue.v1",
                        "maap.action.closure-proposed.v1",
                        "maap.action.closure-returned.v1",
                        "maap.action.closed.v1",
                        "maap.action.reopened.v1");
    }
}
