package io.maap.support.domain;

/**
 * A command names an object that does not exist, or that its actor may not see (another
 * agency's): the two are refused alike, as "not found" (404 over HTTP), so that the refusal does
 * not tell whether the object exists. See {@link ActorAccess}.
 */
public class NotVisible extends RuntimeException {

    public NotVisible(String message) {
        super(message);
    }
}
