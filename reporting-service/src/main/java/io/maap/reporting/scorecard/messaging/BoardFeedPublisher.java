package io.maap.reporting.scorecard.messaging;

import io.maap.reporting.scorecard.query.BoardFeed;

import io.maap.events.EventCatalog;
import io.maap.events.auditprogramme.ProgrammeEvent;
import io.maap.events.board.BoardScorecardUpdated;
import io.maap.events.casereturn.CaseReturnEvent;
import io.maap.reporting.projection.query.Generations;
import io.maap.support.messaging.EventJson;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes each programme's board scorecard to the compacted topic {@code maap.board-scorecard.v1}
 * whenever its figures change: after new events (checked every {@code maap.reporting.board-feed-interval};
 * only the programmes the events concern, where they name one) and when the day changes, since
 * returns and actions become overdue with time alone. It takes at most
 * {@code maap.reporting.board-feed-busy-share} (default 0.2) of one core: after each pass it rests
 * in proportion to the time the pass took, and the changes seen meanwhile wait for the next.
 */
@Component
public class BoardFeedPublisher {

    private static final Logger log = LoggerFactory.getLogger(BoardFeedPublisher.class);
    static final String PUBLISHED = "board_feed_published";

    private final BoardFeed feed;
    private final Generations generations;
    private final StreamBridge streamBridge;
    private final MongoTemplate mongo;
    private final Clock clock;
    /** Whether every programme's figures may have changed (at start, after events of no one programme). */
    private final AtomicBoolean allChanged = new AtomicBoolean(true);
    /** Programmes whose figures may have changed since the last publication. */
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private volatile LocalDate lastDay;
    /** The share of one core the feed may take; the changes seen while it rests wait, none is lost. */
    private final DutyCycle dutyCycle;

    public BoardFeedPublisher(BoardFeed feed, Generations generations, StreamBridge streamBridge, MongoTemplate mongo,
                              Clock clock, @Value("${maap.reporting.board-feed-busy-share:0.2}") double busyShare) {
        this.feed = feed;
        this.generations = generations;
        this.streamBridge = streamBridge;
        this.mongo = mongo;
        this.clock = clock;
        this.dutyCycle = new DutyCycle(busyShare, System.nanoTime());
    }

    /** Called after live events were applied, whose programmes are not known. */
    public void eventsApplied() {
        allChanged.set(true);
    }

    /**
     * Called after a live event was applied: only its programme's scorecard is computed again,
     * when the event names it (returns do; the rare others make every programme's be computed).
     */
    public void eventApplied(Object payload) {
        String programmeId = payload instanceof CaseReturnEvent e ? e.programmeId()
                : payload instanceof ProgrammeEvent e ? e.programmeId() : null;
        if (programmeId != null) {
            changed.add(programmeId);
        } else {
            allChanged.set(true);
        }
    }

    @Scheduled(fixedDelayString = "${maap.reporting.board-feed-interval:2s}", initialDelayString = "${maap.reporting.board-feed-interval:2s}")
    public void publishChanges() {
        // Under a stream of events every programme keeps changing, and computing scorecards again
        // would take a core of its own: the feed rests in proportion to its last pass, so that it
        // takes at most the configured share of one core. The Board's figures are then at most a few passes old.
        long started = System.nanoTime();
        if (!dutyCycle.mayRun(started)) {
            return;
        }
        try {
            publishPass();
        } finally {
            dutyCycle.ran(started, System.nanoTime());
        }
    }

    private void publishPass() {
        LocalDate today = LocalDate.now(clock);
        boolean all = allChanged.getAndSet(false) | !today.equals(lastDay);
        Set<String> some = new HashSet<>();
        for (String programmeId : List.copyOf(changed)) {
            changed.remove(programmeId);
            some.add(programmeId);
        }
        if (!all && some.isEmpty()) {
            return;
        }
        lastDay = today;
        try {
            var store = generations.active();
            for (String programmeId : feed.programmes(store)) {
                if (all || some.contains(programmeId)) {
                    publishIfChanged(feed.scorecard(store, today, programmeId));
                }
            }
        } catch (RuntimeException e) {
            if (all) {
                allChanged.set(true);
            }
            changed.addAll(some);
            log.warn("Board scorecard feed not published; will retry: {}", e.getMessage());
        }
    }

    private void publishIfChanged(BoardScorecardUpdated scorecard) {
        String figures = EventJson.mapper().writeValueAsString(new BoardScorecardUpdated(scorecard.programmeId(),
                scorecard.programmeTitle(), scorecard.seenOn(), java.time.Instant.EPOCH, scorecard.programme(),
                scorecard.audits(), scorecard.agencies()));
        String fingerprint = UUID.nameUUIDFromBytes(figures.getBytes(StandardCharsets.UTF_8)).toString();
        Document last = mongo.findById(scorecard.programmeId(), Document.class, PUBLISHED);
        if (last != null && Objects.equals(last.getString("fingerprint"), fingerprint)) {
            return;
        }
        EventCatalog.Entry entry = EventCatalog.forPayload(BoardScorecardUpdated.class).orElseThrow();
        Message<byte[]> message = CloudEventMessageBuilder.withData(EventJson.mapper().writeValueAsBytes(scorecard))
                .setId(UUID.randomUUID().toString())
                .setSource("urn:maap:reporting-service")
                .setType(entry.cloudEventType())
                .setSubject(scorecard.programmeId())
                .setTime(scorecard.generatedAt().atOffset(ZoneOffset.UTC))
                .setDataContentType("application/json")
                .setDataSchema(entry.dataSchema())
                .setHeader(KafkaHeaders.KEY, scorecard.programmeId().getBytes(StandardCharsets.UTF_8))
                .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX);
        if (!streamBridge.send(entry.topic(), message)) {
            throw new IllegalStateException("Kafka did not accept the scorecard of " + scorecard.programmeId());
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(scorecard.programmeId())),
                new Update().set("fingerprint", fingerprint).set("publishedAt", scorecard.generatedAt().toString()), PUBLISHED);
    }
}
