package io.maap.reporting.projection.query;

import com.mongodb.client.MongoClients;
import io.maap.reporting.projection.messaging.EventLog;
import io.maap.reporting.projection.messaging.LogPositions;
import io.maap.reporting.projection.messaging.RecordTimeIndex;
import io.maap.testsupport.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What a caller can make the service replay: rounded instants, one replay at a time, computed views never waiting, a bounded cache. */
class AsAtViewsTest {

    private static final Instant NOON = Instant.parse("2017-07-18T12:00:00Z");

    private MongoTemplate mongo;
    private final EventLog eventLog = mock(EventLog.class);
    private final EventLog.Reader reader = mock(EventLog.Reader.class);
    private final Projections projections = new Projections(List.of());
    private final Clock clock = new Ticking(Instant.parse("2026-12-04T10:00:00Z"));

    @BeforeEach
    void setUp() {
        String uri = TestInfrastructure.newMongoUri("as_at_views_test");
        int slash = uri.lastIndexOf('/');
        mongo = new MongoTemplate(MongoClients.create(uri.substring(0, slash)), uri.substring(slash + 1));
        when(eventLog.open()).thenReturn(reader);
        when(reader.readBatchesToEnd(any(EventLog.Reader.RecordFilter.class), any(RecordTimeIndex.Spans.class), any())).thenReturn(new LogPositions(java.util.Map.of()));
    }

    private AsAtViews views(int keep) {
        return new AsAtViews(mongo, eventLog, projections, clock, keep, Duration.ofSeconds(1));
    }

    @Test
    void instantsWithinOneSecondShareOneReplay() {
        AsAtViews views = views(20);

        views.asAt(NOON.plusMillis(100));
        views.asAt(NOON.plusMillis(900));
        views.asAt(NOON);

        verify(eventLog, times(1)).open();
        assertThat(views.rounded(NOON.plusMillis(999))).isEqualTo(NOON);
        assertThat(views.rounded(Instant.parse("1969-12-31T23:59:59.500Z"))).isEqualTo(Instant.parse("1969-12-31T23:59:59Z"));
    }

    @Test
    void aViewAlreadyComputedIsReadWhileAnotherInstantIsBeingReplayed() throws Exception {
        AsAtViews views = views(20);
        views.asAt(NOON);
        CountDownLatch replaying = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        blockTheNextReplay(replaying, release);

        CompletableFuture<ProjectionStore> slow = CompletableFuture.supplyAsync(() -> views.asAt(NOON.plusSeconds(3600)));
        assertThat(replaying.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<ProjectionStore> cached = CompletableFuture.supplyAsync(() -> views.asAt(NOON.plusMillis(500)));
        assertThat(cached.get(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(slow).isNotDone();

        release.countDown();
        assertThat(slow.get(30, TimeUnit.SECONDS)).isNotNull();
        verify(eventLog, times(2)).open();
    }

    @Test
    void aSecondRequestForAnInstantBeingReplayedWaitsForThatReplayInsteadOfStartingAnother() throws Exception {
        AsAtViews views = views(20);
        CountDownLatch replaying = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        blockTheNextReplay(replaying, release);

        CompletableFuture<ProjectionStore> first = CompletableFuture.supplyAsync(() -> views.asAt(NOON));
        assertThat(replaying.await(30, TimeUnit.SECONDS)).isTrue();
        AtomicReference<Thread> waiter = new AtomicReference<>();
        CompletableFuture<ProjectionStore> second = new CompletableFuture<>();
        Thread thread = new Thread(() -> second.complete(views.asAt(NOON.plusMillis(250))));
        waiter.set(thread);
        thread.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> waiter.get().getState() == Thread.State.BLOCKED);

        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(second.get(30, TimeUnit.SECONDS)).isNotNull();
        verify(eventLog, times(1)).open();
    }

    @Test
    void theCacheKeepsTheViewsUsedLast() {
        AsAtViews views = views(2);
        views.asAt(NOON);
        views.asAt(NOON.plusSeconds(1));
        views.asAt(NOON);
        views.asAt(NOON.plusSeconds(2));

        assertThat(mongo.find(Query.query(Criteria.where("kind").is("as-at")), Document.class, Generations.STATE))
                .extracting(state -> state.getString("asAt"))
                .containsExactlyInAnyOrder(NOON.toString(), NOON.plusSeconds(2).toString());
        views.asAt(NOON);
        verify(eventLog, times(3)).open();
    }

    @Test
    void theResolutionMustBeAtLeastAMillisecond() {
        assertThatThrownBy(() -> new AsAtViews(mongo, eventLog, projections, clock, 20, Duration.ZERO))
                .hasMessageContaining("maap.reporting.as-at-resolution");
        assertThatThrownBy(() -> new AsAtViews(mongo, eventLog, projections, clock, 20, Duration.ofNanos(10)))
                .hasMessageContaining("maap.reporting.as-at-resolution");
    }

    private void blockTheNextReplay(CountDownLatch replaying, CountDownLatch release) {
        doAnswer(invocation -> {
            replaying.countDown();
            release.await(60, TimeUnit.SECONDS);
            return new LogPositions(java.util.Map.of());
        }).doReturn(new LogPositions(java.util.Map.of())).when(reader).readBatchesToEnd(any(EventLog.Reader.RecordFilter.class), any(RecordTimeIndex.Spans.class), any());
    }

    /** A clock a second later at every reading, so that the order views were used in is told apart. */
    private static final class Ticking extends Clock {

        private final AtomicReference<Instant> now;

        Ticking(Instant start) {
            now = new AtomicReference<>(start);
        }

        @Override
        public Instant instant() {
            return now.getAndUpdate(instant -> instant.plusSeconds(1));
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
