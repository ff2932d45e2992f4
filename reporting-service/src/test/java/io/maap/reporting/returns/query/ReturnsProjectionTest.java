package io.maap.reporting.returns.query;

import io.maap.reporting.returns.query.ReturnsProjection;

import com.mongodb.client.MongoClients;
import io.maap.events.CaseType;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.support.messaging.IncomingEvent;
import io.maap.testsupport.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnsProjectionTest {

    private final ReturnsProjection projection = new ReturnsProjection();
    private ProjectionStore store;

    @BeforeEach
    void setUp() {
        String uri = TestInfrastructure.newMongoUri("projection_test");
        String database = uri.substring(uri.lastIndexOf('/') + 1);
        store = new ProjectionStore(new MongoTemplate(MongoClients.create(uri.substring(0, uri.lastIndexOf('/'))), database), "g1_");
    }

    private static IncomingEvent event(Object payload, long sequence) {
        return new IncomingEvent("id-" + sequence, "urn:maap:case-return-service", "t", "r1", null, sequence, payload);
    }

    private static ReturnRequested requested(String id, LocalDate due) {
        return new ReturnRequested(id, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", CaseType.LOOKED_AFTER,
                "met-police", LocalDate.of(2017, 7, 3), due, LocalDate.of(2017, 7, 17));
    }

    @Test
    void aReturnRequestBecomesAnOutstandingReturn() {
        projection.apply(event(requested("r1", LocalDate.of(2017, 7, 24)), 0), store);

        Document stored = store.mongo().findById("r1", Document.class, store.collection("return_requests"));
        assertThat(stored).isNotNull();
        assertThat(stored.getString("status")).isEqualTo("AWAITING");
        assertThat(stored.getBoolean("awaitingAgency")).isTrue();
        assertThat(stored.getString("agency")).isEqualTo("met-police");
        assertThat(stored.getString("dueDate")).isEqualTo("2017-07-24");
    }

    @Test
    void aDuplicateDeliveryChangesNothing() {
        projection.apply(event(requested("r1", LocalDate.of(2017, 7, 24)), 0), store);
        projection.apply(event(requested("r1", LocalDate.of(2017, 7, 24)), 0), store);

        assertThat(store.mongo().count(new org.springframework.data.mongodb.core.query.Query(),
                store.collection("return_requests"))).isEqualTo(1);
    }

    @Test
    void anOlderEventArrivingLateDoesNotOverwriteANewerOne() {
        store.applyInOrder("return_requests", "r1", 3, new Update().set("status", "ACCEPTED"));
        projection.apply(event(requested("r1", LocalDate.of(2017, 7, 24)), 0), store);

        Document stored = store.mongo().findById("r1", Document.class, store.collection("return_requests"));
        assertThat(stored.getString("status")).isEqualTo("ACCEPTED");
        assertThat(stored.get("lastSequence", Number.class).longValue()).isEqualTo(3);
    }

    @Test
    void generationsDoNotSeeEachOther() {
        ProjectionStore other = new ProjectionStore(store.mongo(), "g2_");
        projection.apply(event(requested("r1", LocalDate.of(2017, 7, 24)), 0), store);

        assertThat(other.mongo().findById("r1", Document.class, other.collection("return_requests"))).isNull();
        other.drop();
        assertThat(store.mongo().findById("r1", Document.class, store.collection("return_requests"))).isNotNull();
    }
}
