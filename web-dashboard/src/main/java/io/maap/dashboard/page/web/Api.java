package io.maap.dashboard.page.web;

import io.maap.dashboard.page.web.ApiProblem;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and commands against a service, as plain maps and lists: the pages only show them. */
public final class Api {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    private Api() {
    }

    public static Map<String, Object> object(RestClient client, String uri, Object... variables) {
        return client.get().uri(uri, variables).retrieve().body(OBJECT);
    }

    /** The object, or empty when the service answers 404. */
    public static Optional<Map<String, Object>> find(RestClient client, String uri, Object... variables) {
        try {
            return Optional.ofNullable(object(client, uri, variables));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        }
    }

    public static List<Map<String, Object>> list(RestClient client, String uri, Object... variables) {
        return client.get().uri(uri, variables).retrieve().body(LIST);
    }

    /**
     * Sends a command; a refusal (4xx) becomes an {@link ApiProblem} that the form shows beside
     * its fields.
     */
    public static Map<String, Object> post(RestClient client, Object body, String uri, Object... variables) {
        return send(client.post().uri(uri, variables), body);
    }

    public static Map<String, Object> put(RestClient client, Object body, String uri, Object... variables) {
        return send(client.put().uri(uri, variables), body);
    }

    private static Map<String, Object> send(RestClient.RequestBodySpec request, Object body) {
        try {
            return request.contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(OBJECT);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().is4xxClientError() && e.getStatusCode().value() != HttpStatus.UNAUTHORIZED.value()) {
                throw ApiProblem.of(e);
            }
            throw e;
        }
    }
}
