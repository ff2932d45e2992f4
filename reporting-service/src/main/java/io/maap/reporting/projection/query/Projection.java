package io.maap.reporting.projection.query;

import io.maap.reporting.projection.query.ProjectionStore;

import io.maap.support.messaging.IncomingEvent;

/** A read model built from events only; applying the same event twice must change nothing. */
public interface Projection {

    void apply(IncomingEvent event, ProjectionStore store);
}
