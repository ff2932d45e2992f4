package io.maap.support.web;

/** A request body longer than the services accept ({@code maap.web.max-request-size}); answered 413. */
public class RequestTooLargeException extends RuntimeException {

    private final long limit;

    public RequestTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
