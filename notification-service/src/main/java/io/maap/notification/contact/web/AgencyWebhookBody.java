package io.maap.notification.contact.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An agency's webhook as the API takes it.
 *
 * @param partnership the partnership (the service's own when absent)
 * @param url         the endpoint: https (plain http to localhost in the local run only)
 * @param secret      a Standard Webhooks secret ({@code whsec_} and base64); may be left out when changing
 *                    an existing webhook, which then keeps its secret
 * @param emailToo    whether the agency's people are still emailed (default true); false: the webhook instead
 */
public record AgencyWebhookBody(
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._-]*") String partnership,
        @NotBlank @Size(max = 2000) String url,
        @Size(max = 200) String secret,
        Boolean emailToo) {

    @Override
    public String toString() {
        return "AgencyWebhookBody[" + partnership + ", " + url + ", emailToo " + emailToo + "]";
    }
}
