package io.maap.reporting.concerns.query;

import io.maap.events.casereturn.SafeguardingConcernAcknowledged;
import io.maap.events.casereturn.SafeguardingConcernRaised;
import io.maap.reporting.projection.query.Projection;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.support.messaging.IncomingEvent;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;

/** Immediate safeguarding concerns raised by auditors: urgent until the agency acknowledges them. */
@Component
public class ConcernsProjection implements Projection {

    public static final String CONCERNS = "safeguarding_concerns";

    /** Concern ids are unique within their return request. */
    static String key(String returnRequestId, String concernId) {
        return returnRequestId + "/" + concernId;
    }

    @Override
    public void apply(IncomingEvent event, ProjectionStore store) {
        if (event.payload() instanceof SafeguardingConcernRaised e) {
            store.applyInOrder(CONCERNS, key(e.returnRequestId(), e.concernId()), event.requiredSequence(), new Update()
                    .set("concernId", e.concernId())
                    .set("returnRequestId", e.returnRequestId())
                    .set("auditId", e.auditId())
                    .set("programmeId", e.programmeId())
                    .set("caseReference", e.caseReference())
                    .set("agency", e.agency())
                    .set("raisedBy", e.raisedBy())
                    .set("raisedAt", e.raisedAt().toString())
                    .set("summary", e.summary())
                    .set("category", e.category() == null ? null : e.category().name())
                    .set("agenciesToInform", e.agenciesToInform() == null ? List.of() : e.agenciesToInform())
                    .set("open", true));
        } else if (event.payload() instanceof SafeguardingConcernAcknowledged e) {
            store.applyInOrder(CONCERNS, key(e.returnRequestId(), e.concernId()), event.requiredSequence(), new Update()
                    .set("open", false)
                    .set("acknowledgedBy", e.acknowledgedBy())
                    .set("acknowledgedAt", e.acknowledgedAt().toString())
                    .set("response", e.response()));
        }
    }
}
