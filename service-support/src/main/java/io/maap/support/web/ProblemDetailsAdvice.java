package io.maap.support.web;

import io.maap.support.domain.NotVisible;
import io.maap.support.domain.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Every error leaves a MAAP API as an RFC 9457 problem detail. */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:maap:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    @ExceptionHandler(RuleViolation.class)
    public ProblemDetail ruleViolation(RuleViolation e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e.code(), "Refused by a business rule", e.getMessage());
        problem.setProperty("code", e.code());
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    public ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    /** A command's object is missing or not the actor's to act on: the same 404 either way. */
    @ExceptionHandler(NotVisible.class)
    public ProblemDetail notVisible(NotVisible e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ProblemDetail badArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
    }

    /** Method validation of a {@code @Validated} controller's parameters (query values, path variables). */
    @ExceptionHandler(ConstraintViolationException.class)
    public ProblemDetail constraintViolation(ConstraintViolationException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "The request has " + e.getConstraintViolations().size() + " invalid parameter(s).");
        problem.setProperty("errors", e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(ProblemDetailsAdvice::parameterError)
                .toList());
        return problem;
    }

    /** A multipart content type without a readable multipart body (no MAAP endpoint takes multipart). */
    @ExceptionHandler(MultipartException.class)
    public ProblemDetail multipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
                "The multipart request body could not be read.");
    }

    /** Tomcat could not decode a query parameter (e.g. percent-encoded bytes that are not UTF-8). */
    @ExceptionHandler(InvalidParameterException.class)
    public ProblemDetail invalidParameter(InvalidParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "The query string could not be decoded.");
    }

    @ExceptionHandler(RequestTooLargeException.class)
    public ProblemDetail tooLarge(RequestTooLargeException e) {
        return RequestLimitsFilter.tooLarge(e.limit());
    }

    /**
     * Anything else: 503 with {@code Retry-After} when a backing service (the database, MongoDB)
     * was unavailable, so that clients retry; otherwise 500, logged.
     */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (BackingServiceFailures.isUnavailable(e)) {
            log.warn("Request failed while a backing service was unavailable: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                            "A database the service depends on did not answer, so the request may not have been applied; retry shortly."));
        }
        log.error("Unhandled error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", "Internal error", "The request could not be completed; it has been logged."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "The request has " + ex.getErrorCount() + " invalid field(s).");
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::fieldError)
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * The same shape when method validation applies (a controller that also constrains a path
     * variable or parameter): the body's field errors, and each invalid parameter by its name.
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors parameterErrors) {
                parameterErrors.getFieldErrors().forEach(error -> errors.add(fieldError(error)));
            } else {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().forEach(error -> errors.add(Map.of("field", name == null ? "" : name,
                        "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage())));
            }
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "The request has " + errors.size() + " invalid field(s).");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * Spring MVC's own refusals (unreadable body, wrong content type or method, type mismatches,
     * missing parameters...) keep their status and detail, with a MAAP problem type and a title.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            brand(problem);
        }
        return response;
    }

    /** Gives a problem that has Spring's defaults (type about:blank, a reason-phrase title) a MAAP type and title. */
    public static ProblemDetail brand(ProblemDetail problem) {
        HttpStatus status = HttpStatus.resolve(problem.getStatus());
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(URI.create("urn:maap:problem:" + typeFor(problem.getStatus())));
        }
        if (problem.getTitle() == null) {
            problem.setTitle(status != null ? status.getReasonPhrase() : "Error");
        }
        return problem;
    }

    /** The MAAP problem type for a status that no more specific handler named. */
    public static String typeFor(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "request-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "headers-too-large";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        };
    }

    private static Map<String, String> parameterError(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // "method.parameter" → "parameter": the client knows its parameters, not our method names.
        String field = path.contains(".") ? path.substring(path.indexOf('.') + 1) : path;
        return Map.of("field", field, "message", violation.getMessage() == null ? "is invalid" : violation.getMessage());
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(),
                "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }
}
