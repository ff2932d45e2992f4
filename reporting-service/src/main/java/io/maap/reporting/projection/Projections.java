package io.maap.reporting.projection;

import io.maap.support.messaging.IncomingEvent;
import org.springframework.stereotype.Component;

import java.util.List;

/** Every projection, applied together: live, in a rebuild and "as at" a past instant. */
@Component
public class Projections {

    private final List<Projection> projections;

    public Projections(List<Projection> projections) {
        this.projections = List.copyOf(projections);
    }

    public void apply(IncomingEvent event, ProjectionStore store) {
        for (Projection projection : projections) {
            projection.apply(event, store);
        }
    }
}
