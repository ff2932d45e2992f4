package io.maap.casereturn.agency.messaging;

import io.maap.events.agency.AgencyConcernAcknowledged;
import io.maap.support.axon.Attribution;
import org.axonframework.commandhandling.GenericCommandMessage;
import io.maap.events.agency.AgencyNilReturnSubmitted;
import io.maap.events.agency.AgencyRequestAcknowledged;
import io.maap.events.agency.AgencyReturnSubmitted;
import io.maap.events.agency.AgencySubmission;
import io.maap.casereturn.request.command.AcknowledgeReturnRequest;
import io.maap.casereturn.request.command.AcknowledgeSafeguardingConcern;
import io.maap.casereturn.request.command.Commands;
import io.maap.casereturn.request.command.RequestReturn;
import io.maap.casereturn.request.command.SubmitNilReturn;
import io.maap.casereturn.request.command.SubmitReturn;
import io.maap.casereturn.request.event.Answer;
import io.maap.casereturn.request.query.ReturnRequestViews;
import io.maap.events.EventCatalog;
import io.maap.events.Topics;
import io.maap.events.agency.AgencySubmissionAccepted;
import io.maap.events.agency.AgencySubmissionOutcome;
import io.maap.events.agency.AgencySubmissionRejected;
import io.maap.support.domain.RuleViolation;
import io.maap.support.messaging.CloudEventHeaders;
import io.maap.support.messaging.EventJson;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Applies what agency systems publish on their topics {@code maap.agency-submissions.v1.<agency>}
 * (the topic is the authenticated agency: the broker lets only that agency's principal write to
 * it, and a message whose source names another agency is rejected). A valid message
 * becomes the same command the REST API sends, once per {@code source} + {@code id} (the
 * command and the record that the message was processed commit together). Anything else goes,
 * with its original bytes and headers and the reason, to {@code maap.agency-submissions.dlq.v1},
 * and the consumer moves on. Either way the agency gets an outcome event on
 * {@code maap.case-returns.events.v1}, keyed by its agency code.
 */
public class AgencySubmissionsConsumer implements MessageListener<byte[], byte[]> {

    private static final Logger log = LoggerFactory.getLogger(AgencySubmissionsConsumer.class);
    private static final Pattern AGENCY_SOURCE = Pattern.compile("^urn:maap:agency:([a-z][a-z0-9-]{1,39})$");
    static final String REASON_HEADER = "x-exception-message";
    static final String CODE_HEADER = "x-maap-rejection-code";

    private final CommandGateway commands;
    private final ReturnRequestViews requests;
    private final ProcessedAgencyMessages processed;
    private final TransactionTemplate transactions;
    private final Validator validator;
    private final KafkaTemplate<byte[], byte[]> kafka;
    private final Clock clock;
    private final String serviceSource;

    public AgencySubmissionsConsumer(CommandGateway commands, ReturnRequestViews requests, ProcessedAgencyMessages processed,
                                     TransactionTemplate transactions, Validator validator, KafkaTemplate<byte[], byte[]> kafka,
                                     Clock clock, String serviceSource) {
        this.commands = commands;
        this.requests = requests;
        this.processed = processed;
        this.transactions = transactions;
        this.validator = validator;
        this.kafka = kafka;
        this.clock = clock;
        this.serviceSource = serviceSource;
    }

    @Override
    public void onMessage(ConsumerRecord<byte[], byte[]> record) {
        InboundCloudEvent event;
        String agency;
        AgencySubmission message;
        try {
            event = InboundCloudEvent.from(record);
            if (!"1.0".equals(event.specVersion())) {
                throw new Rejection("unsupported-specversion", "unsupported CloudEvents specversion '" + event.specVersion() + "'");
            }
            agency = agencyOf(event.source());
            String authenticated = Topics.agencyOfSubmissionsTopic(record.topic()).orElse(null);
            if (!agency.equals(authenticated)) {
                // Not remembered as processed: the source is unproven, and the real agency may yet send this id.
                reject(record, null, new Rejection("unauthenticated-agency", "a message from " + event.source()
                        + " arrived on the topic of agency '" + authenticated + "'; each agency publishes on its own topic, "
                        + Topics.agencySubmissions(agency)), authenticated, false);
                return;
            }
            ProcessedAgencyMessage earlier = processed.findById(ProcessedAgencyMessage.keyOf(event.source(), event.id())).orElse(null);
            if (earlier != null) {
                log.info("Agency message {} from {} was processed already; ignored", event.id(), event.source());
                if (!earlier.outcomePublished) {
                    publishOutcome(earlier, agency);
                }
                return;
            }
            message = payload(event);
            if (!message.agency().equals(agency)) {
                throw new Rejection("wrong-agency", "source " + event.source() + " may not send for agency '" + message.agency() + "'");
            }
        } catch (Rejection rejection) {
            reject(record, null, rejection);
            return;
        }
        apply(record, event, agency, message);
    }

    private void apply(ConsumerRecord<byte[], byte[]> record, InboundCloudEvent event, String agency, AgencySubmission message) {
        String requestId = RequestReturn.idFor(message.auditId(), message.caseReference(), message.agency());
        ProcessedAgencyMessage outcome;
        try {
            outcome = transactions.execute(status -> {
                if (!requests.existsById(requestId)) {
                    throw new Rejection("unknown-request", "no return request for audit '" + message.auditId() + "', case '"
                            + message.caseReference() + "' and agency '" + message.agency() + "'");
                }
                // Attributed to the agency's system, with the message id as the correlation id.
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command(requestId, message, clock.instant()))
                        .andMetaData(Attribution.of("agency-system:" + agency, "AGENCY_SYSTEM", agency, event.id())));
                return processed.save(new ProcessedAgencyMessage(event.source(), event.id(), event.type(), true, null, null,
                        requestId, clock.instant()));
            });
        } catch (Rejection rejection) {
            reject(record, event, rejection);
            return;
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof RuleViolation violation) {
                reject(record, event, new Rejection(violation.code(), violation.getMessage()));
                return;
            }
            throw e;
        } catch (RuleViolation violation) {
            reject(record, event, new Rejection(violation.code(), violation.getMessage()));
            return;
        }
        publishOutcome(outcome, agency);
    }

    private static Object command(String requestId, AgencySubmission message, Instant now) {
        if (message instanceof AgencyReturnSubmitted s) {
            return new SubmitReturn(requestId, s.submittedBy(), now, Commands.CHANNEL_KAFKA, s.answers().stream()
                    .map(a -> new Answer(a.questionId(), a.answer().strip(), a.evidenceReferences(),
                            a.entries() == null ? List.of() : a.entries().stream()
                                    .map(e -> new Answer.DatedEntry(e.date(), e.entry().strip())).toList(),
                            a.grade() == null || a.grade().isBlank() ? null : a.grade().strip())).toList());
        }
        if (message instanceof AgencyNilReturnSubmitted n) {
            return new SubmitNilReturn(requestId, n.submittedBy(), now, Commands.CHANNEL_KAFKA);
        }
        if (message instanceof AgencyRequestAcknowledged a) {
            return new AcknowledgeReturnRequest(requestId, a.acknowledgedBy(), now, a.caseHolder(), a.lineManager(),
                    a.auditor());
        }
        AgencyConcernAcknowledged c = (AgencyConcernAcknowledged) message;
        return new AcknowledgeSafeguardingConcern(requestId, c.concernId(), c.acknowledgedBy(), now, c.response());
    }

    private static String agencyOf(String source) {
        Matcher matcher = AGENCY_SOURCE.matcher(source);
        if (!matcher.matches()) {
            throw new Rejection("unknown-source", "source '" + source + "' does not name an agency (urn:maap:agency:<agency-code>)");
        }
        return matcher.group(1);
    }

    private AgencySubmission payload(InboundCloudEvent event) {
        Class<? extends AgencySubmission> type = AgencyMessages.TYPES.get(event.type());
        if (type == null) {
            throw new Rejection("unknown-type", "unknown event type '" + event.type() + "'; accepted: "
                    + String.join(", ", AgencyMessages.TYPES.keySet().stream().sorted().toList()));
        }
        if (holdsNul(event.data())) {
            // No text field may hold NUL: PostgreSQL cannot store it, and the command would fail, not be refused.
            throw new Rejection("invalid-payload", "data is not a valid " + event.type() + ": it holds a NUL character");
        }
        AgencySubmission message;
        try {
            message = EventJson.mapper().readValue(event.data(), type);
        } catch (RuntimeException e) {
            throw new Rejection("invalid-payload", "data is not a valid " + event.type() + ": " + InboundCloudEvent.firstLine(e));
        }
        if (message == null) {
            throw new Rejection("invalid-payload", "data is missing");
        }
        Set<ConstraintViolation<AgencySubmission>> violations = validator.validate(message);
        if (!violations.isEmpty()) {
            throw new Rejection("invalid-payload", "data is not a valid " + event.type() + ": " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return message;
    }

    /** A raw NUL byte or the JSON escape for one ({@code \u0000}, any case). */
    static boolean holdsNul(byte[] data) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == 0) {
                return true;
            }
            if (data[i] == '\\' && i + 5 < data.length && (data[i + 1] == 'u' || data[i + 1] == 'U')
                    && data[i + 2] == '0' && data[i + 3] == '0' && data[i + 4] == '0' && data[i + 5] == '0') {
                boolean escaped = false;
                for (int j = i - 1; j >= 0 && data[j] == '\\'; j--) {
                    escaped = !escaped;
                }
                if (!escaped) {
                    return true;
                }
            }
        }
        return false;
    }

    private void reject(ConsumerRecord<byte[], byte[]> record, InboundCloudEvent event, Rejection rejection) {
        reject(record, event, rejection, null, true);
    }

    /**
     * Dead-letters the message with the reason and tells the agency: {@code notify} names the
     * agency to tell (default: the one the source names); {@code remember} records the source and
     * id as processed, so a resend with the same id is not applied later.
     */
    private void reject(ConsumerRecord<byte[], byte[]> record, InboundCloudEvent event, Rejection rejection, String notify,
                        boolean remember) {
        // The reason may quote the message; it goes to the dead-letter record, never to the log.
        log.warn("Agency message rejected ({}) from topic {} partition {} offset {}", rejection.code(), record.topic(),
                record.partition(), record.offset());
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(Topics.AGENCY_SUBMISSIONS_DLQ, null, record.key(),
                record.value(), record.headers());
        // The reason may quote what was sent (a 100 KB type, say): bounded, so that the dead letter fits its topic.
        dead.headers().add(new RecordHeader(REASON_HEADER,
                ProcessedAgencyMessage.fit(rejection.getMessage(), 1000).getBytes(StandardCharsets.UTF_8)));
        dead.headers().add(new RecordHeader(CODE_HEADER, rejection.code().getBytes(StandardCharsets.UTF_8)));
        dead.headers().add(new RecordHeader("x-maap-original-topic", record.topic().getBytes(StandardCharsets.UTF_8)));
        dead.headers().add(new RecordHeader("x-maap-original-partition",
                Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8)));
        dead.headers().add(new RecordHeader("x-maap-original-offset",
                Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8)));
        send(dead);

        String source = event != null ? event.source() : InboundCloudEvent.bestEffort(record, "source");
        String id = event != null ? event.id() : InboundCloudEvent.bestEffort(record, "id");
        String type = event != null ? event.type() : InboundCloudEvent.bestEffort(record, "type");
        ProcessedAgencyMessage outcome = new ProcessedAgencyMessage(source, id, type, false, rejection.code(),
                rejection.getMessage(), null, clock.instant());
        if (remember && source != null && id != null) {
            outcome = processed.save(outcome);
        }
        Matcher matcher = source == null ? null : AGENCY_SOURCE.matcher(source);
        String agency = notify != null ? notify : matcher != null && matcher.matches() ? matcher.group(1)
                : Topics.agencyOfSubmissionsTopic(record.topic()).orElse(null);
        publishOutcome(outcome, agency, remember);
    }

    private void publishOutcome(ProcessedAgencyMessage outcome, String agency) {
        publishOutcome(outcome, agency, true);
    }

    private void publishOutcome(ProcessedAgencyMessage outcome, String agency, boolean remember) {
        AgencySubmissionOutcome event = outcome.accepted
                ? new AgencySubmissionAccepted(agency, outcome.source, outcome.messageId, outcome.type, outcome.returnRequestId)
                // The published contract requires messageType: a message sent without a type gets "".
                : new AgencySubmissionRejected(agency, outcome.source, outcome.messageId, outcome.type == null ? "" : outcome.type,
                        outcome.code, outcome.reason);
        EventCatalog.Entry entry = EventCatalog.forPayload(event.getClass()).orElseThrow();
        String key = agency != null ? agency : outcome.source != null ? outcome.source : "unknown";
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(entry.topic(), null,
                key.getBytes(StandardCharsets.UTF_8), EventJson.mapper().writeValueAsBytes(event));
        String id = outcome.source != null && outcome.messageId != null
                ? UUID.nameUUIDFromBytes(("outcome" + '\u001f' + outcome.messageKey).getBytes(StandardCharsets.UTF_8)).toString()
                : UUID.randomUUID().toString();
        header(record, CloudEventHeaders.ID, id);
        header(record, CloudEventHeaders.SOURCE, serviceSource);
        header(record, CloudEventHeaders.SPECVERSION, "1.0");
        header(record, CloudEventHeaders.TYPE, entry.cloudEventType());
        header(record, CloudEventHeaders.SUBJECT, key);
        header(record, CloudEventHeaders.TIME, outcome.processedAt.atOffset(ZoneOffset.UTC).toString());
        header(record, CloudEventHeaders.DATACONTENTTYPE, "application/json");
        header(record, CloudEventHeaders.DATASCHEMA, entry.dataSchema());
        send(record);
        if (remember && outcome.messageKey != null && outcome.source != null && outcome.messageId != null) {
            outcome.outcomePublished = true;
            processed.save(outcome);
        }
    }

    private static void header(ProducerRecord<byte[], byte[]> record, String attribute, String value) {
        record.headers().add(CloudEventHeaders.KAFKA_PREFIX + attribute, value.getBytes(StandardCharsets.UTF_8));
    }

    private void send(ProducerRecord<byte[], byte[]> record) {
        try {
            kafka.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to " + record.topic(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + record.topic(), e);
        }
    }
}
