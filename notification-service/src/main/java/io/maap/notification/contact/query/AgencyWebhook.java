package io.maap.notification.contact.query;

import java.time.Instant;

/**
 * An agency system's webhook: where its notifications and outcomes are POSTed and the secret they
 * are signed with (a Standard Webhooks {@code whsec_} secret). Never returned in full by the API.
 *
 * @param emailToo whether the agency's people are emailed as well (false: the webhook instead of email)
 */
public record AgencyWebhook(String partnership, String agency, String url, String secret, boolean emailToo,
                            String updatedBy, Instant updatedAt) {

    /** The directory entry's id, as notifications and the change log name it. */
    public String id() {
        return idFor(agency);
    }

    public static String idFor(String agency) {
        return "webhook:" + agency;
    }

    /** What may be shown of the secret: its prefix and last four characters. */
    public String secretHint() {
        return "whsec_…" + secret.substring(Math.max(secret.length() - 4, 0));
    }

    @Override
    public String toString() {
        return "AgencyWebhook[" + partnership + ", " + agency + ", " + url + ", secret " + secretHint() + "]";
    }
}
