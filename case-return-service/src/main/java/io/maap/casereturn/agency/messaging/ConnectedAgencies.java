package io.maap.casereturn.agency.messaging;

import io.maap.events.Topics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The agencies whose systems are connected over Kafka: those configured
 * ({@code maap.agency-submissions.agencies}) and any whose outcomes topic exists on the broker, so an
 * agency onboarded while the service runs ({@code KafkaAccessControl --onboard}) gets its outcomes
 * without a restart. The broker's topics are listed at most once per {@code refresh}; when the
 * listing fails, the last one stands.
 */
final class ConnectedAgencies implements Predicate<String> {

    private final Set<String> configured;
    private final Supplier<Collection<String>> topics;
    private final Duration refresh;
    private final Clock clock;
    private volatile Set<String> discovered = Set.of();
    private volatile Instant listedAt;

    ConnectedAgencies(Collection<String> configured, Supplier<Collection<String>> topics, Duration refresh, Clock clock) {
        this.configured = Set.copyOf(configured);
        this.topics = topics;
        this.refresh = refresh;
        this.clock = clock;
    }

    static ConnectedAgencies configuredOnly(Collection<String> configured) {
        return new ConnectedAgencies(configured, Set::of, Duration.ofDays(365), Clock.systemUTC());
    }

    @Override
    public boolean test(String agency) {
        return configured.contains(agency) || discovered().contains(agency);
    }

    private Set<String> discovered() {
        Instant now = clock.instant();
        if (listedAt == null || !now.isBefore(listedAt.plus(refresh))) {
            synchronized (this) {
                if (listedAt == null || !now.isBefore(listedAt.plus(refresh))) {
                    try {
                        discovered = topics.get().stream().map(Topics::agencyOfOutcomesTopic)
                                .flatMap(agency -> agency.map(Stream::of).orElseGet(Stream::empty))
                                .collect(Collectors.toUnmodifiableSet());
                    } catch (RuntimeException unavailable) {
                        // The broker unreachable: keep the last listing; the relay's own send will wait for it.
                    }
                    listedAt = now;
                }
            }
        }
        return discovered;
    }
}
