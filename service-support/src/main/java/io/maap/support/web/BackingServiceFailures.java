package io.maap.support.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure of something the service depends on (its database or MongoDB going away,
 * restarting, refusing connections) from a fault of the service itself, by the exception's
 * causes: a request that failed for the first reason may well succeed if retried, and is
 * answered 503 with {@code Retry-After} rather than 500.
 */
public final class BackingServiceFailures {

    /** Exception types, by name so that a service without the library does not need it. */
    private static final Set<String> UNAVAILABLE_TYPES = Set.of(
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.TransientDataAccessResourceException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoTimeoutException");

    private BackingServiceFailures() {
    }

    /**
     * Whether {@code failure} or one of its causes says a backing service was unreachable: a
     * connection refused or cut, an SQL state of class 08 (connection exception) or 57P
     * (operator intervention: the server shutting down or restarting), or one of Spring's and
     * MongoDB's exceptions for the same.
     */
    public static boolean isUnavailable(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof ConnectException || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (UNAVAILABLE_TYPES.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
