package io.maap.casereturn.retention.query;

/**
 * Scrubs a shredded audit's read models once more, later: once every instance of the service has
 * stopped using the destroyed key from its cache ({@code maap.crypto.key-cache-max-age}), whatever
 * an instance wrote into the views with the key meanwhile is removed too (ADR 0016, ADR 0018).
 */
@FunctionalInterface
public interface ScrubAgain {

    /** Nothing scrubbed later: for a service that runs as one instance and evicts at once. */
    ScrubAgain NEVER = auditId -> { };

    void later(String auditId);
}
