package io.maap.support.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error responses (a request it refuses before any application code: an encoded
 * slash or NUL in the path, bytes that are not UTF-8, characters not allowed in a query) as
 * problem details instead of its HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatus(status);
        ProblemDetailsAdvice.brand(problem);
        problem.setDetail(status == 400 ? "The request is malformed." : problem.getTitle() + ".");
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(ProblemWriter.bytes(problem));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the response is committed: nothing more to say.
        }
    }
}
