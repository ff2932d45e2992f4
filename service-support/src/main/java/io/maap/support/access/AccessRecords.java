package io.maap.support.access;

import io.maap.support.security.Caller;
import io.maap.support.security.CorrelationId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.util.Collection;
import java.util.Optional;

/**
 * Records each read of sensitive content by a person, called by the controller that serves it:
 * {@link #read} for objects (their ids), {@link #list} for a list (its query and how many items it
 * returned). Who comes from the verified token ({@link Caller}); the endpoint and query from the
 * current request. The QA coordinator exports the records as CSV ({@link AccessRecordExportController}).
 */
public class AccessRecords {

    static final int MAX_IDS = 2000;
    static final int MAX_QUERY = 1000;

    private final AccessRecordStore store;
    private final Clock clock;

    public AccessRecords(AccessRecordStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The caller read these objects of this resource type. */
    public void read(String resource, Collection<String> objectIds) {
        record(resource, objectIds, objectIds.size());
    }

    /** The caller read a list of this resource type, of {@code returned} items with these ids. */
    public void list(String resource, Collection<String> objectIds, int returned) {
        record(resource, objectIds, returned);
    }

    private void record(String resource, Collection<String> objectIds, int returned) {
        Caller caller = Caller.require();
        Optional<HttpServletRequest> request = Optional.ofNullable(RequestContextHolder.getRequestAttributes())
                .filter(ServletRequestAttributes.class::isInstance)
                .map(attributes -> ((ServletRequestAttributes) attributes).getRequest());
        String endpoint = request.map(r -> r.getMethod() + " " + r.getRequestURI()).orElse(null);
        String query = request.map(HttpServletRequest::getQueryString).map(q -> truncate(q, MAX_QUERY)).orElse(null);
        store.save(new AccessRecord(clock.instant(), caller.userId(), caller.primaryRole().name(), caller.agency(),
                endpoint == null ? null : truncate(endpoint, 200), resource, truncate(String.join(" ", objectIds), MAX_IDS),
                query, returned, CorrelationId.current().orElse(null)));
    }

    /** Cut to the column's size, marking the cut. */
    static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
