package io.maap.local;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/** Calls the services' APIs as one person: every request carries that person's bearer token. */
public record Api(String bearerToken) {

    public RestClient client(String baseUrl) {
        return RestClient.builder().baseUrl(baseUrl)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
                .build();
    }
}
