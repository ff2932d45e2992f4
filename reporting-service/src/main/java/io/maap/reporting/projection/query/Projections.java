package io.maap.reporting.projection.query;

import io.maap.reporting.projection.query.Projection;
import io.maap.reporting.projection.query.ProjectionStore;

import io.maap.support.messaging.IncomingEvent;
import io.maap.support.messaging.UnreadableEventException;
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

    /**
     * Applies events in the order given to a batching store (see {@link ProjectionStore#batching()}
     * and {@link ProjectionStore#batchingAsOnlyWriter()}), leaving the updates kept there for the
     * caller to write together ({@link ProjectionStore#flush()} or {@link ProjectionStore#takeFlush()}):
     * the outcome is that of applying them one by one. Events a projection finds unreadable are skipped.
     *
     * @return how many events were skipped as unreadable
     */
    public int applyKept(List<IncomingEvent> events, ProjectionStore batch) {
        int unreadable = 0;
        for (IncomingEvent event : events) {
            try {
                apply(event, batch);
            } catch (UnreadableEventException e) {
                unreadable++;
            }
        }
        return unreadable;
    }
}
