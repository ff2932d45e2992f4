package io.maap.casereturn.agency.messaging;

import io.maap.testsupport.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** An agency onboarded while the service runs is connected once its outcomes topic exists: no restart. */
class ConnectedAgenciesTest {

    private final List<String> brokerTopics = new ArrayList<>(List.of("maap.case-returns.events.v1",
            "maap.agency-outcomes.v1.met-police", "maap.agency-submissions.v1.nelft"));
    private final AtomicInteger listings = new AtomicInteger();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

    private ConnectedAgencies connected(Supplier<Collection<String>> topics) {
        return new ConnectedAgencies(List.of("bhrut"), topics, Duration.ofSeconds(30), clock);
    }

    private Collection<String> list() {
        listings.incrementAndGet();
        return List.copyOf(brokerTopics);
    }

    @Test
    void configuredAgenciesAndAgenciesWithAnOutcomesTopicAreConnected() {
        ConnectedAgencies agencies = connected(this::list);

        assertThat(agencies.test("bhrut")).as("configured").isTrue();
        assertThat(agencies.test("met-police")).as("its outcomes topic exists").isTrue();
        assertThat(agencies.test("nelft")).as("a submissions topic alone is not an outcomes topic").isFalse();
    }

    @Test
    void anAgencyOnboardedLaterIsSeenAtTheNextListingAndTheBrokerIsNotAskedMoreOftenThanThat() {
        ConnectedAgencies agencies = connected(this::list);
        assertThat(agencies.test("barking-police")).isFalse();

        brokerTopics.add("maap.agency-outcomes.v1.barking-police");
        clock.advance(Duration.ofSeconds(29));
        assertThat(agencies.test("barking-police")).as("within the refresh interval: the last listing").isFalse();
        assertThat(listings).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(agencies.test("barking-police")).as("after it: listed again").isTrue();
        assertThat(listings).hasValue(2);
    }

    @Test
    void whenTheBrokerCannotBeListedTheLastListingStands() {
        AtomicInteger calls = new AtomicInteger();
        ConnectedAgencies agencies = connected(() -> {
            if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("broker down");
            }
            return list();
        });
        assertThat(agencies.test("met-police")).isTrue();

        clock.advance(Duration.ofSeconds(60));
        assertThat(agencies.test("met-police")).isTrue();
        assertThat(calls).hasValue(2);
    }

    @Test
    void theRoutingSendsAnOnboardedAgencysOutcomesToItsTopic() {
        AgencyOutcomeRouting routing = new AgencyOutcomeRouting(connected(this::list));
        String accepted = io.maap.events.EventCatalog.forPayload(io.maap.events.casereturn.ReturnAccepted.class)
                .orElseThrow().cloudEventType();
        byte[] payload = "{\"agency\":\"barking-police\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(routing.topicFor(accepted, payload)).isEmpty();

        brokerTopics.add("maap.agency-outcomes.v1.barking-police");
        clock.advance(Duration.ofSeconds(30));
        assertThat(routing.topicFor(accepted, payload)).contains("maap.agency-outcomes.v1.barking-police");
    }
}
