package io.maap.support.access;

import java.time.Instant;

/**
 * One read of sensitive content by a person: who (user, role, agency), when, through which
 * endpoint, what (the resource type and the ids read, or for a list the query and how many
 * items it returned), and the request's correlation id.
 */
public record AccessRecord(Instant accessedAt, String userId, String role, String userAgency, String endpoint,
                           String resource, String objectIds, String query, int returned, String correlationId) {
}
