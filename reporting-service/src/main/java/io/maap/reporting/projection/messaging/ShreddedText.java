package io.maap.reporting.projection.messaging;

import io.maap.events.Sensitive;
import io.maap.reporting.concerns.query.ConcernsProjection;
import io.maap.reporting.projection.query.AsAtViews;
import io.maap.reporting.projection.query.Generations;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.returns.query.ReturnsProjection;
import io.maap.support.crypto.KeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes a shredded audit's text from the live read models (ADR 0016): every
 * {@code maap.reporting.shredding-check-interval} the key ring is asked which audit keys were
 * destroyed, and their documents' sensitive fields are set to {@link Sensitive#REMOVED}, keeping
 * every count, date and status. A rebuild reaches the same result from the topics. The views "as
 * at" past instants and their checkpoints (ADR 0023) lose it too: a checkpoint kept for weeks, and
 * every view continued from it, would otherwise keep text its key no longer opens. So does a
 * generation a rebuild replaced, in the seconds it is kept before it is dropped.
 */
@Component
public class ShreddedText {

    private static final Logger log = LoggerFactory.getLogger(ShreddedText.class);

    /** The read models' fields that hold text of {@code @Sensitive} event fields, by collection. */
    static final Map<String, List<String>> SENSITIVE_FIELDS = Map.of(
            ConcernsProjection.CONCERNS, List.of("raisedBy", "summary", "acknowledgedBy", "response"),
            ReturnsProjection.RETURNS, List.of("auditor"));

    private final ObjectProvider<KeyRing> keys;
    private final Generations generations;
    private final AsAtViews asAt;

    public ShreddedText(ObjectProvider<KeyRing> keys, Generations generations, AsAtViews asAt) {
        this.keys = keys;
        this.generations = generations;
        this.asAt = asAt;
    }

    @Scheduled(fixedDelayString = "${maap.reporting.shredding-check-interval:30s}",
            initialDelayString = "${maap.reporting.shredding-check-interval:30s}")
    public void removeShreddedText() {
        KeyRing ring = keys.getIfAvailable();
        if (ring == null) {
            return;
        }
        Set<String> audits = ring.destroyedSinceLastAsked();
        if (!audits.isEmpty()) {
            ProjectionStore store = generations.active();
            audits.forEach(auditId -> remove(store, auditId));
            generations.replacedNotYetDropped().forEach(replaced -> audits.forEach(auditId -> remove(replaced, auditId)));
            asAt.computed().forEach(computed -> audits.forEach(auditId -> remove(computed, auditId)));
            log.info("Removed the text of {} shredded audit(s) from the read models", audits.size());
        }
    }

    static void remove(ProjectionStore store, String auditId) {
        SENSITIVE_FIELDS.forEach((collection, fields) -> fields.forEach(field -> store.mongo().updateMulti(
                Query.query(Criteria.where("auditId").is(auditId).and(field).ne(null)),
                new Update().set(field, Sensitive.REMOVED), store.collection(collection))));
    }
}
