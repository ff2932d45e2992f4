package io.maap.reporting.projection.messaging;

import com.mongodb.client.MongoClients;
import io.maap.events.Sensitive;
import io.maap.events.casereturn.SafeguardingConcernAcknowledged;
import io.maap.events.casereturn.SafeguardingConcernRaised;
import io.maap.reporting.concerns.query.ConcernsProjection;
import io.maap.reporting.projection.query.AsAtViews;
import io.maap.reporting.projection.query.Generations;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.support.crypto.KeyRing;
import io.maap.support.messaging.IncomingEvent;
import io.maap.testsupport.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A shredded audit's text leaves the live read models, and a generation a rebuild replaced that is
 * not dropped yet; other audits' text and every other field stay.
 */
class ShreddedTextTest {

    static final Instant AT = Instant.parse("2017-10-03T10:00:00Z");
    private final ConcernsProjection concerns = new ConcernsProjection();
    private ProjectionStore store;

    @BeforeEach
    void store() {
        String uri = TestInfrastructure.newMongoUri("shredding_test");
        String database = uri.substring(uri.lastIndexOf('/') + 1);
        store = new ProjectionStore(new MongoTemplate(MongoClients.create(uri.substring(0, uri.lastIndexOf('/'))), database), "g1_");
    }

    private void raise(String request, String audit, long sequence) {
        concerns.apply(new IncomingEvent("e" + sequence, "urn:maap:case-return-service", "t", request, null, sequence,
                new SafeguardingConcernRaised(request, audit, "redbridge-2017-18", "RBR-1707-M01", "met-police", "c1",
                        "DI Brown", AT, "Child alone at 12 Acacia Road")), store);
    }

    @Test
    void theShreddedAuditsTextIsRemovedAndTheRestStays() {
        raise("r1", "missing-2017", 0);
        raise("r2", "neglect-2017", 0);

        ShreddedText.remove(store, "missing-2017");

        Document shredded = store.mongo().findById("r1/c1", Document.class, store.collection(ConcernsProjection.CONCERNS));
        assertThat(shredded.getString("summary")).isEqualTo(Sensitive.REMOVED);
        assertThat(shredded.getString("raisedBy")).isEqualTo(Sensitive.REMOVED);
        assertThat(shredded.getString("raisedAt")).isEqualTo(AT.toString());
        assertThat(shredded.getBoolean("open")).isTrue();
        assertThat(shredded.containsKey("response")).as("no field is made up").isFalse();
        Document kept = store.mongo().findById("r2/c1", Document.class, store.collection(ConcernsProjection.CONCERNS));
        assertThat(kept.getString("summary")).isEqualTo("Child alone at 12 Acacia Road");
    }

    @Test
    void anAcknowledgementsResponseIsRemovedToo() {
        raise("r1", "missing-2017", 0);
        concerns.apply(new IncomingEvent("e1", "urn:maap:case-return-service", "t", "r1", null, 1,
                new SafeguardingConcernAcknowledged("r1", "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police",
                        "c1", "SPOC Met", AT, "Referred to MASH by Sgt Smith")), store);

        ShreddedText.remove(store, "missing-2017");

        Document shredded = store.mongo().findById("r1/c1", Document.class, store.collection(ConcernsProjection.CONCERNS));
        assertThat(shredded.getString("response")).isEqualTo(Sensitive.REMOVED);
        assertThat(shredded.getString("acknowledgedBy")).isEqualTo(Sensitive.REMOVED);
        assertThat(shredded.getBoolean("open")).isFalse();
    }

    @Test
    void theGenerationARebuildReplacedLosesTheTextInTheSecondsBeforeItIsDropped() {
        raise("r1", "missing-2017", 0);
        Generations generations = new Generations(store.mongo(), Duration.ZERO, Duration.ofHours(1));
        generations.switchTo(2);
        KeyRing ring = mock(KeyRing.class);
        when(ring.destroyedSinceLastAsked()).thenReturn(Set.of("missing-2017"));
        @SuppressWarnings("unchecked")
        ObjectProvider<KeyRing> keys = mock(ObjectProvider.class);
        when(keys.getIfAvailable()).thenReturn(ring);
        AsAtViews asAt = mock(AsAtViews.class);
        when(asAt.computed()).thenReturn(List.of());

        new ShreddedText(keys, generations, asAt).removeShreddedText();

        Document replaced = store.mongo().findById("r1/c1", Document.class, store.collection(ConcernsProjection.CONCERNS));
        assertThat(replaced.getString("summary")).isEqualTo(Sensitive.REMOVED);
    }
}
