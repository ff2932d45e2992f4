package io.maap.reporting.access.query;

import io.maap.support.access.AccessRecord;
import io.maap.support.access.AccessRecordStore;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * reporting-service's access records, in its own MongoDB (it has no relational database), in a
 * collection of their own that rebuilds and "as at" views, which drop only their own prefixed
 * collections, never touch.
 */
@Component
public class MongoAccessRecordStore implements AccessRecordStore {

    static final String COLLECTION = "access_record";

    private final MongoTemplate mongo;

    public MongoAccessRecordStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void save(AccessRecord r) {
        mongo.insert(new Document("accessedAt", Date.from(r.accessedAt())).append("userId", r.userId()).append("role", r.role())
                .append("userAgency", r.userAgency()).append("endpoint", r.endpoint()).append("resource", r.resource())
                .append("objectIds", r.objectIds()).append("query", r.query()).append("returned", r.returned())
                .append("correlationId", r.correlationId()), COLLECTION);
    }

    @Override
    public List<AccessRecord> between(Instant from, Instant to, int limit) {
        Query query = Query.query(Criteria.where("accessedAt").gte(Date.from(from)).lt(Date.from(to)))
                .with(Sort.by("accessedAt", "_id")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(d -> new AccessRecord(d.getDate("accessedAt").toInstant(), d.getString("userId"), d.getString("role"),
                        d.getString("userAgency"), d.getString("endpoint"), d.getString("resource"), d.getString("objectIds"),
                        d.getString("query"), d.getInteger("returned", 0), d.getString("correlationId")))
                .toList();
    }
}
