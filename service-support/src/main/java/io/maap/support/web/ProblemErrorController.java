package io.maap.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;

/**
 * The servlet container's error page ({@code /error}) as a problem detail, in place of Spring
 * Boot's JSON: what reaches it was refused before any MAAP handler ran (the security
 * firewall's refusal of a suspicious path, a method the servlet does not serve, an error in a filter).
 */
@Controller
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 500;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof RequestTooLargeException tooLarge) {
            ProblemWriter.write(response, RequestLimitsFilter.tooLarge(tooLarge.limit()));
            return;
        }
        if (status >= 500) {
            log.error("Request failed before reaching a handler", failure);
        }
        ProblemDetail problem = ProblemDetail.forStatus(status);
        ProblemDetailsAdvice.brand(problem);
        problem.setDetail(detail(status));
        ProblemWriter.write(response, problem);
    }

    private static String detail(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return switch (status) {
            case 400 -> "The request is malformed or was refused as unsafe.";
            case 404 -> "No such resource.";
            case 405 -> "The method is not allowed here.";
            default -> status >= 500 ? "The request could not be completed; it has been logged."
                    : known != null ? known.getReasonPhrase() + "." : "The request was refused.";
        };
    }
}
