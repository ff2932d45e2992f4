package io.maap.reporting.projection;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Applies an event to a projection document at most once and never out of order: each document
 * remembers the sequence number of the last event of its aggregate that it reflects, and an
 * update carrying a sequence at or below it changes nothing.
 */
@Component
public class SequencedWrites {

    static final String LAST_SEQUENCE = "lastSequence";

    private final MongoTemplate mongo;

    public SequencedWrites(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return true if the update was applied, false if the document already reflected the event */
    public boolean apply(String collection, String id, long sequence, Update update) {
        Query newer = Query.query(Criteria.where("_id").is(id)
                .orOperator(Criteria.where(LAST_SEQUENCE).lt(sequence), Criteria.where(LAST_SEQUENCE).exists(false)));
        try {
            mongo.upsert(newer, update.set(LAST_SEQUENCE, sequence), collection);
            return true;
        } catch (DuplicateKeyException alreadyApplied) {
            return false;
        }
    }
}
