package io.maap.notification.contact.web;

import io.maap.notification.config.NotificationProperties;
import io.maap.notification.contact.query.ContactChange;
import io.maap.notification.contact.query.ContactRecord;
import io.maap.notification.contact.query.Contacts;
import io.maap.support.security.AgencyScope;
import io.maap.support.security.Caller;
import io.maap.support.security.MaapRole;
import io.maap.support.web.NotFoundException;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The contacts directory over REST. The QA coordinator keeps every entry; an agency's SPOC reads
 * and keeps only their own agency's entries (another agency's entry is not found). Every change
 * is attributed to the caller.
 */
@RestController
@RequestMapping("/api/contacts")
public class ContactController {

    private final Contacts contacts;
    private final NotificationProperties properties;
    private final Clock clock;

    public ContactController(Contacts contacts, NotificationProperties properties, Clock clock) {
        this.contacts = contacts;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    public List<ContactRecord> list(@RequestParam(required = false) String agency,
                                    @RequestParam(required = false) String partnership) {
        return contacts.list(partnership == null ? properties.partnership() : partnership, AgencyScope.filter(agency));
    }

    @GetMapping("/{id}")
    public ContactRecord get(@PathVariable String id) {
        return visible(id);
    }

    @GetMapping("/{id}/changes")
    public List<ContactChange> changes(@PathVariable String id) {
        visible(id);
        return contacts.changes(id);
    }

    @PostMapping
    public ResponseEntity<ContactRecord> add(@Valid @RequestBody ContactBody body) {
        ContactRecord contact = toRecord(UUID.randomUUID().toString(), body);
        contacts.save(contact, "CREATED", describe(contact));
        return ResponseEntity.created(URI.create("/api/contacts/" + contact.id())).body(contact);
    }

    @PutMapping("/{id}")
    public ContactRecord change(@PathVariable String id, @Valid @RequestBody ContactBody body) {
        visible(id);
        ContactRecord contact = toRecord(id, body);
        contacts.save(contact, "UPDATED", describe(contact));
        return contact;
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void remove(@PathVariable String id) {
        contacts.remove(visible(id), Caller.require().userId(), clock.instant());
    }

    private ContactRecord visible(String id) {
        ContactRecord contact = contacts.find(id).orElseThrow(() -> new NotFoundException("No contact " + id));
        if (contact.agency() == null ? !Caller.require().partnershipWide() : !Caller.require().mayAccess(contact.agency())) {
            throw new NotFoundException("No contact " + id);
        }
        return contact;
    }

    private ContactRecord toRecord(String id, ContactBody body) {
        if (body.role().perAgency() != (body.agency() != null)) {
            throw new IllegalArgumentException(body.role().perAgency()
                    ? "agency: required for " + body.role() : "agency: not allowed for " + body.role());
        }
        if (body.role().perAudit() != (body.auditId() != null)) {
            throw new IllegalArgumentException(body.role().perAudit()
                    ? "auditId: required for " + body.role() : "auditId: not allowed for " + body.role());
        }
        Caller caller = Caller.require();
        if (!caller.has(MaapRole.QA_COORDINATOR) && (body.agency() == null || !caller.mayAccess(body.agency()))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "An agency's SPOC keeps only their own agency's entries");
        }
        String partnership = body.partnership() == null ? properties.partnership() : body.partnership();
        return new ContactRecord(id, partnership, body.role().name(), body.agency(), body.auditId(), body.name().strip(),
                body.email().strip(), caller.userId(), clock.instant());
    }

    private static String describe(ContactRecord contact) {
        return contact.role() + (contact.agency() != null ? " of " + contact.agency() : "")
                + (contact.auditId() != null ? " of audit " + contact.auditId() : "");
    }
}
