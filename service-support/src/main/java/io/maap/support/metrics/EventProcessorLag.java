package io.maap.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How far each streaming event processor (the Kafka relay, tracking projections) is behind the
 * head of the event store, per segment this instance holds: {@value #METER}{processor, segment},
 * in events (head global index minus the segment's token position; gaps in the global index make
 * it an upper bound). Refreshed every {@code maap.metrics.processor-lag-interval} (default 10 s)
 * with one query for the head, so a scrape costs nothing.
 */
public class EventProcessorLag implements SmartLifecycle {

    public static final String METER = "maap.event.processor.lag";

    private static final Logger log = LoggerFactory.getLogger(EventProcessorLag.class);

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<EventStore> eventStore;
    private final MultiGauge gauge;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public EventProcessorLag(ObjectProvider<EventProcessingConfiguration> processing, ObjectProvider<EventStore> eventStore,
                             MeterRegistry registry,
                             Duration interval) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.interval = interval;
        this.gauge = MultiGauge.builder(METER)
                .description("Events in the store not yet handled by the processor's segment")
                .baseUnit("events")
                .register(registry);
    }

    /** Reads the head and every segment's position and publishes the differences. */
    public void refresh() {
        EventProcessingConfiguration processing = this.processing.getIfAvailable();
        EventStore eventStore = this.eventStore.getIfAvailable();
        if (processing == null || eventStore == null) {
            return;
        }
        try {
            TrackingToken headToken = eventStore.createHeadToken();
            long head = headToken == null ? -1 : headToken.position().orElse(-1);
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            processing.eventProcessors().forEach((name, processor) -> {
                if (processor instanceof StreamingEventProcessor streaming) {
                    streaming.processingStatus().forEach((segment, status) ->
                            rows.add(MultiGauge.Row.of(Tags.of("processor", name, "segment", segment.toString()),
                                    lag(head, status))));
                }
            });
            gauge.register(rows, true);
        } catch (RuntimeException e) {
            log.debug("Could not measure event processor lag: {}", e.toString());
        }
    }

    private static long lag(long head, EventTrackerStatus status) {
        OptionalLong position = status.getCurrentPosition();
        if (head < 0) {
            return 0;
        }
        return Math.max(0, head - position.orElse(-1));
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "maap-processor-lag");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
