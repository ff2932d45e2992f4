package io.maap.notification.contact.query;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The contacts directory, per partnership; every write is recorded in its change log in the same transaction. */
@Repository
public class Contacts {

    private static final RowMapper<ContactRecord> CONTACT = (rs, n) -> new ContactRecord(rs.getString("id"),
            rs.getString("partnership"), rs.getString("role"), rs.getString("agency"),
            rs.getString("audit_id"), rs.getString("name"), rs.getString("email"), rs.getString("updated_by"),
            rs.getTimestamp("updated_at").toInstant());

    private final JdbcClient jdbc;

    public Contacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The partnership's entries, all or one agency's. */
    public List<ContactRecord> list(String partnership, String agency) {
        return jdbc.sql("select * from contact where partnership = :p and (cast(:a as varchar) is null or agency = :a) order by role, agency, name")
                .param("p", partnership).param("a", agency).query(CONTACT).list();
    }

    public Optional<ContactRecord> find(String id) {
        return jdbc.sql("select * from contact where id = :id").param("id", id).query(CONTACT).optional();
    }

    /** The people who hold a role in a partnership: for the agency and the audit given, when given. */
    public List<ContactRecord> holding(String partnership, String role, String agency, String auditId) {
        return jdbc.sql("select * from contact where partnership = :p and role = :r"
                        + " and (cast(:a as varchar) is null or agency = :a) and (cast(:audit as varchar) is null or audit_id = :audit) order by id")
                .param("p", partnership).param("r", role).param("a", agency).param("audit", auditId)
                .query(CONTACT).list();
    }

    @Transactional
    public void save(ContactRecord contact, String changeKind, String summary) {
        int updated = jdbc.sql("update contact set partnership = :p, role = :r, agency = :a, audit_id = :audit, name = :n,"
                        + " email = :e, updated_by = :by, updated_at = :at where id = :id")
                .params(params(contact)).update();
        if (updated == 0) {
            jdbc.sql("insert into contact (id, partnership, role, agency, audit_id, name, email, updated_by, updated_at)"
                    + " values (:id, :p, :r, :a, :audit, :n, :e, :by, :at)").params(params(contact)).update();
        }
        record(new ContactChange(contact.id(), contact.partnership(), contact.agency(), changeKind, contact.updatedBy(),
                contact.updatedAt(), summary));
    }

    @Transactional
    public void remove(ContactRecord contact, String removedBy, Instant at) {
        jdbc.sql("delete from contact where id = :id").param("id", contact.id()).update();
        record(new ContactChange(contact.id(), contact.partnership(), contact.agency(), "REMOVED", removedBy, at,
                "removed " + contact.role() + (contact.agency() != null ? " of " + contact.agency() : "")));
    }

    public List<ContactChange> changes(String contactId) {
        return jdbc.sql("select * from contact_change where contact_id = :id order by id").param("id", contactId)
                .query((rs, n) -> new ContactChange(rs.getString("contact_id"), rs.getString("partnership"),
                        rs.getString("agency"), rs.getString("change_kind"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant(), rs.getString("summary"))).list();
    }

    private void record(ContactChange change) {
        jdbc.sql("insert into contact_change (contact_id, partnership, agency, change_kind, changed_by, changed_at, summary)"
                        + " values (:id, :p, :a, :k, :by, :at, :s)")
                .param("id", change.contactId()).param("p", change.partnership()).param("a", change.agency())
                .param("k", change.changeKind()).param("by", change.changedBy())
                .param("at", Timestamp.from(change.changedAt())).param("s", change.summary()).update();
    }

    private static java.util.Map<String, Object> params(ContactRecord c) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", c.id());
        p.put("p", c.partnership());
        p.put("r", c.role());
        p.put("a", c.agency());
        p.put("audit", c.auditId());
        p.put("n", c.name());
        p.put("e", c.email());
        p.put("by", c.updatedBy());
        p.put("at", Timestamp.from(c.updatedAt()));
        return p;
    }
}
