package io.maap.casereturn.agency.messaging;

import io.maap.casereturn.agency.messaging.Outcome.Accepted;
import io.maap.casereturn.agency.messaging.Outcome.Rejected;
import io.maap.casereturn.request.command.RequestReturn;
import io.maap.casereturn.request.command.SubmitReturn;
import io.maap.events.agency.AgencyReturnSubmitted;
import io.maap.support.messaging.EventJson;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps of the agency pipeline, each on its own. */
class AgencyPipelineTest {

    private static final String TOPIC = "maap.agency-submissions.v1.met-police";
    private static final String SOURCE = "urn:maap:agency:met-police";
    private static final String NIL = "maap.agency.nil-return-submitted.v1";
    private static final String SUBMITTED = "maap.agency.return-submitted.v1";

    private final ReadPayload payload = new ReadPayload(Validation.buildDefaultValidatorFactory().getValidator());

    private static InboundCloudEvent event(String source, String specVersion, String type, String data) {
        return new InboundCloudEvent("m-1", source, type, specVersion, data.getBytes(StandardCharsets.UTF_8));
    }

    private static Sender sender(String type, String data) {
        return new Sender(TOPIC, event(SOURCE, "1.0", type, data), "met-police");
    }

    private static String nilReturn(String agency) {
        return """
                {"auditId":"missing-2017","caseReference":"RBR-1707-M01","agency":"%s","submittedBy":"SPOC"}""".formatted(agency);
    }

    private static void assertRejected(Outcome<?> outcome, String code, String reasonStart) {
        assertThat(outcome).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.reason()).startsWith(reasonStart);
        });
    }

    @Test
    void onlyCloudEventsOneIsRead() {
        assertRejected(new CheckAttributes().apply(new Received(TOPIC, event(SOURCE, "0.3", NIL, "{}"))),
                "unsupported-specversion", "unsupported CloudEvents specversion '0.3'");
    }

    @Test
    void theSourceMustNameAnAgency() {
        assertRejected(new CheckAttributes().apply(new Received(TOPIC, event("urn:maap:agency:MET", "1.0", NIL, "{}"))),
                "unknown-source", "source 'urn:maap:agency:MET' does not name an agency");
        assertThat(new CheckAttributes().apply(new Received(TOPIC, event(SOURCE, "1.0", NIL, "{}"))))
                .isInstanceOfSatisfying(Accepted.class, a -> assertThat(((Sender) a.value()).agency()).isEqualTo("met-police"));
    }

    @Test
    void aSourceNamingAnotherAgencyThanTheTopicsIsNotAuthenticated() {
        Sender impostor = new Sender("maap.agency-submissions.v1.nelft", event(SOURCE, "1.0", NIL, "{}"), "met-police");
        assertRejected(new AuthenticateAgency().apply(impostor), "unauthenticated-agency",
                "a message from urn:maap:agency:met-police arrived on the topic of agency 'nelft'");
        assertThat(new AuthenticateAgency().apply(sender(NIL, "{}"))).isInstanceOf(Accepted.class);
    }

    @Test
    void anUnknownTypeIsRefusedNamingTheKnownOnes() {
        assertRejected(payload.apply(sender("maap.agency.unknown.v1", "{}")), "unknown-type",
                "unknown event type 'maap.agency.unknown.v1'; accepted: maap.agency.nil-return-submitted.v1");
    }

    @Test
    void dataHoldingNulIsInvalid() {
        assertRejected(payload.apply(sender(NIL, nilReturn("met-police").replace("SPOC", "SP\\u0000OC"))), "invalid-payload",
                "data is not a valid " + NIL + ": it holds a NUL character");
    }

    @Test
    void dataFailingItsConstraintsIsInvalidNamingTheFields() {
        assertRejected(payload.apply(sender(NIL, nilReturn("met-police").replace("\"SPOC\"", "\" \""))), "invalid-payload",
                "data is not a valid " + NIL + ": submittedBy must not be blank");
    }

    @Test
    void aCaseReferenceThePartnershipDidNotIssueIsInvalid() {
        for (String notIssued : java.util.List.of("SMITH-JOHN-2010", "CRIS-01-2345", "RBR-1707-M1")) {
            assertRejected(payload.apply(sender(NIL, nilReturn("met-police").replace("RBR-1707-M01", notIssued))),
                    "invalid-payload", "data is not a valid " + NIL + ": caseReference must match");
        }
    }

    @Test
    void dataForAnotherAgencyIsRefused() {
        assertRejected(payload.apply(sender(NIL, nilReturn("nelft"))), "wrong-agency",
                "source urn:maap:agency:met-police may not send for agency 'nelft'");
    }

    @Test
    void validDataNamesTheRequestItIsFor() {
        Outcome<Submission> read = payload.apply(sender(NIL, nilReturn("met-police")));
        assertThat(read).isInstanceOfSatisfying(Accepted.class, accepted -> assertThat(((Submission) accepted.value())
                .returnRequestId()).isEqualTo(RequestReturn.idFor("missing-2017", "RBR-1707-M01", "met-police")));
    }

    @Test
    void aRejectionEndsThePipeline() {
        Step<Received, Sender> checks = new CheckAttributes().then(sender -> {
            throw new AssertionError("a step after a rejection ran");
        });
        assertRejected(checks.apply(new Received(TOPIC, event(SOURCE, "2.0", NIL, "{}"))), "unsupported-specversion", "");
    }

    @Test
    void aSubmissionBecomesTheCommandTheApiSendsWithTrimmedTextAndNoBlankGrade() {
        AgencyReturnSubmitted message = EventJson.mapper().readValue("""
                {"auditId":"missing-2017","caseReference":"RBR-1707-M01","agency":"met-police","submittedBy":"SPOC",
                 "answers":[{"questionId":"q1","answer":" Seen alone ","entries":[{"date":"2017-05-02","entry":" Visit "}],
                 "grade":" "}]}""", AgencyReturnSubmitted.class);
        Instant now = Instant.parse("2017-07-20T10:00:00Z");
        SubmitReturn command = (SubmitReturn) ApplySubmission.command(
                new Submission(event(SOURCE, "1.0", SUBMITTED, "{}"), "met-police", message), now);
        assertThat(command.submittedAt()).isEqualTo(now);
        assertThat(command.channel()).isEqualTo("kafka");
        assertThat(command.answers().get(0).answer()).isEqualTo("Seen alone");
        assertThat(command.answers().get(0).entries().get(0).entry()).isEqualTo("Visit");
        assertThat(command.answers().get(0).grade()).isNull();
    }
}
