package io.maap.reporting;

import com.mongodb.client.MongoClients;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.support.messaging.IncomingEvent;
import io.maap.testsupport.TestInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A fresh projection store on the test MongoDB, and events as the consumers would see them. */
public final class ProjectionTestSupport {

    private ProjectionTestSupport() {
    }

    public static ProjectionStore newStore() {
        String uri = TestInfrastructure.newMongoUri("projection_test");
        int slash = uri.lastIndexOf('/');
        return new ProjectionStore(new MongoTemplate(MongoClients.create(uri.substring(0, slash)), uri.substring(slash + 1)), "g1_");
    }

    public static IncomingEvent event(Object payload, long sequence) {
        return new IncomingEvent("event-" + sequence + "-" + payload.getClass().getSimpleName(), "urn:maap:test",
                "test", "aggregate", null, sequence, payload);
    }
}
