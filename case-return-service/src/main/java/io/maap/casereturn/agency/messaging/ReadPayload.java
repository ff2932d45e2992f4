package io.maap.casereturn.agency.messaging;

import io.maap.events.agency.AgencySubmission;
import io.maap.support.messaging.EventJson;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The data: of a known type, JSON of that type passing its bean validation (the same constraints
 * the published JSON Schemas state), and for the agency that sent it.
 */
final class ReadPayload implements Step<Sender, Submission> {

    private final Validator validator;

    ReadPayload(Validator validator) {
        this.validator = validator;
    }

    @Override
    public Outcome<Submission> apply(Sender sender) {
        InboundCloudEvent event = sender.event();
        Class<? extends AgencySubmission> type = AgencyMessages.TYPES.get(event.type());
        if (type == null) {
            return Outcome.rejected("unknown-type", "unknown event type '" + event.type() + "'; accepted: "
                    + String.join(", ", AgencyMessages.TYPES.keySet().stream().sorted().toList()));
        }
        if (holdsNul(event.data())) {
            // No text field may hold NUL: PostgreSQL cannot store it, and the command would fail, not be refused.
            return invalid(event, "it holds a NUL character");
        }
        AgencySubmission payload;
        try {
            payload = EventJson.mapper().readValue(event.data(), type);
        } catch (RuntimeException e) {
            return invalid(event, InboundCloudEvent.firstLine(e));
        }
        if (payload == null) {
            return Outcome.rejected("invalid-payload", "data is missing");
        }
        Set<ConstraintViolation<AgencySubmission>> violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            return invalid(event, violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; ")));
        }
        if (!payload.agency().equals(sender.agency())) {
            return Outcome.rejected("wrong-agency", "source " + event.source() + " may not send for agency '"
                    + payload.agency() + "'");
        }
        return Outcome.accepted(new Submission(event, sender.agency(), payload));
    }

    private static Outcome<Submission> invalid(InboundCloudEvent event, String why) {
        return Outcome.rejected("invalid-payload", "data is not a valid " + event.type() + ": " + why);
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
}
