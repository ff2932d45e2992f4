package io.maap.casereturn.agency.messaging;

import io.maap.events.agency.AgencyReturnSubmitted;
import io.maap.support.messaging.EventJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

/** A rejection's reason names the field and the place, never the text the agency sent. */
class RejectionReasonTest {

    @Test
    void malformedJsonIsDescribedByPositionOnly() {
        Exception e = catchException(() -> EventJson.mapper().readTree("{\"submittedBy\": Zebedee told his teacher}"));
        assertThat(InboundCloudEvent.firstLine(e)).startsWith("not well-formed JSON (line 1, column").doesNotContain("Zebedee");
    }

    @Test
    void aWrongTypeIsDescribedByTheFieldOnly() {
        Exception e = catchException(() -> EventJson.mapper().readValue(
                "{\"auditId\":\"a\",\"answers\":\"Zebedee told his teacher\"}", AgencyReturnSubmitted.class));
        assertThat(InboundCloudEvent.firstLine(e)).startsWith("field answers has the wrong type or format")
                .doesNotContain("Zebedee");
    }
}
