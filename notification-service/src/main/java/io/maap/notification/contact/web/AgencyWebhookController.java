package io.maap.notification.contact.web;

import io.maap.notification.config.NotificationProperties;
import io.maap.notification.config.WebhookProperties;
import io.maap.notification.contact.query.AgencyWebhook;
import io.maap.notification.contact.query.AgencyWebhooks;
import io.maap.notification.contact.query.ContactChange;
import io.maap.notification.contact.query.Contacts;
import io.maap.notification.notification.messaging.WebhookAddress;
import io.maap.support.security.AgencyScope;
import io.maap.support.security.Caller;
import io.maap.support.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Agency systems' webhooks, part of the contacts directory: the QA coordinator keeps every
 * agency's, an agency's SPOC their own (another's is not found). The endpoint is checked when it
 * is set (https; plain http only to localhost in the local run), the secret is never returned in
 * full, and every change is attributed.
 */
@RestController
@Validated
@RequestMapping("/api/agency-webhooks")
public class AgencyWebhookController {

    /** A webhook as the API shows it: the secret only by its last four characters. */
    public record WebhookView(String partnership, String agency, String url, String secretHint, boolean emailToo,
                              String updatedBy, Instant updatedAt) {
        static WebhookView of(AgencyWebhook w) {
            return new WebhookView(w.partnership(), w.agency(), w.url(), w.secretHint(), w.emailToo(), w.updatedBy(),
                    w.updatedAt());
        }
    }

    private static final String AGENCY = "[a-z][a-z0-9-]{1,39}";

    private final AgencyWebhooks webhooks;
    private final Contacts contacts;
    private final NotificationProperties properties;
    private final WebhookProperties webhookProperties;
    private final Clock clock;

    public AgencyWebhookController(AgencyWebhooks webhooks, Contacts contacts, NotificationProperties properties,
                                   WebhookProperties webhookProperties, Clock clock) {
        this.webhooks = webhooks;
        this.contacts = contacts;
        this.properties = properties;
        this.webhookProperties = webhookProperties;
        this.clock = clock;
    }

    @GetMapping
    public List<WebhookView> list(@RequestParam(required = false) @Pattern(regexp = AGENCY) String agency,
                                  @RequestParam(required = false) String partnership) {
        return webhooks.list(partnershipOr(partnership), AgencyScope.filter(agency)).stream().map(WebhookView::of).toList();
    }

    @GetMapping("/{agency}")
    public WebhookView get(@PathVariable @Pattern(regexp = AGENCY) String agency,
                           @RequestParam(required = false) String partnership) {
        return WebhookView.of(visible(partnershipOr(partnership), agency));
    }

    @GetMapping("/{agency}/changes")
    public List<ContactChange> changes(@PathVariable @Pattern(regexp = AGENCY) String agency) {
        if (!Caller.require().mayAccess(agency)) {
            throw new NotFoundException("No webhook for " + agency);
        }
        return contacts.changes(AgencyWebhook.idFor(agency));
    }

    /** Sets the agency's webhook; the secret may be left out to keep the current one. */
    @PutMapping("/{agency}")
    public WebhookView set(@PathVariable @Pattern(regexp = AGENCY) String agency, @Valid @RequestBody AgencyWebhookBody body) {
        Caller caller = Caller.require();
        if (!caller.mayAccess(agency)) {
            throw new NotFoundException("No webhook for " + agency);
        }
        String partnership = partnershipOr(body.partnership());
        WebhookAddress.check(body.url().strip(), webhookProperties.allowLocalHttp());
        AgencyWebhook current = webhooks.find(partnership, agency).orElse(null);
        String secret = body.secret() == null || body.secret().isBlank() ? null : body.secret().strip();
        if (secret == null && current == null) {
            throw new IllegalArgumentException("secret: required for a new webhook");
        }
        if (secret != null) {
            WebhookAddress.key(secret);
        }
        AgencyWebhook webhook = new AgencyWebhook(partnership, agency, body.url().strip(),
                secret == null ? current.secret() : secret, body.emailToo() == null || body.emailToo(), caller.userId(),
                clock.instant());
        webhooks.save(webhook, current == null ? "CREATED" : "UPDATED", describe(webhook, current));
        return WebhookView.of(webhook);
    }

    @DeleteMapping("/{agency}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void remove(@PathVariable @Pattern(regexp = AGENCY) String agency,
                       @RequestParam(required = false) String partnership) {
        webhooks.remove(visible(partnershipOr(partnership), agency), Caller.require().userId(), clock.instant());
    }

    private AgencyWebhook visible(String partnership, String agency) {
        if (!Caller.require().mayAccess(agency)) {
            throw new NotFoundException("No webhook for " + agency);
        }
        return webhooks.find(partnership, agency).orElseThrow(() -> new NotFoundException("No webhook for " + agency));
    }

    private String partnershipOr(String partnership) {
        return partnership == null ? properties.partnership() : partnership;
    }

    /** What the change log says: the endpoint and whether the secret changed, never the secret. */
    private static String describe(AgencyWebhook webhook, AgencyWebhook current) {
        String secret = current == null ? "secret " + webhook.secretHint()
                : Objects.equals(current.secret(), webhook.secret()) ? "secret unchanged" : "secret replaced, now " + webhook.secretHint();
        return "webhook of " + webhook.agency() + " to " + webhook.url() + ", " + secret
                + (webhook.emailToo() ? ", email too" : ", instead of email");
    }
}
