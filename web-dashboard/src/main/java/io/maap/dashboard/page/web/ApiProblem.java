package io.maap.dashboard.page.web;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClientResponseException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's refusal of a command, read from its RFC 9457 problem detail: the fields named in
 * {@code errors} (400) and the {@code code} and {@code detail} of a business rule (409).
 */
public class ApiProblem extends RuntimeException {

    /** A message for one field of the API's request body ({@code answers[0].answer}) or none. */
    public record FieldMessage(String field, String message) {
    }

    private final int status;
    private final String code;
    private final transient List<FieldMessage> errors;

    public ApiProblem(int status, String code, String detail, List<FieldMessage> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    static ApiProblem of(RestClientResponseException e) {
        Map<String, Object> body = null;
        try {
            body = e.getResponseBodyAs(new ParameterizedTypeReference<Map<String, Object>>() {
            });
        } catch (RuntimeException unreadable) {
            // not a problem detail: fall back to the status text
        }
        if (body == null) {
            return new ApiProblem(e.getStatusCode().value(), null, e.getStatusText(), List.of());
        }
        List<FieldMessage> errors = new ArrayList<>();
        if (body.get("errors") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> error) {
                    errors.add(new FieldMessage(String.valueOf(error.get("field")), String.valueOf(error.get("message"))));
                }
            }
        }
        Object detail = body.getOrDefault("detail", e.getStatusText());
        Object code = body.get("code");
        return new ApiProblem(e.getStatusCode().value(), code == null ? null : code.toString(), String.valueOf(detail), errors);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldMessage> errors() {
        return errors;
    }
}
