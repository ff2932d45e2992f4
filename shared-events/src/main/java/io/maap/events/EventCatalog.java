package io.maap.events;

import io.maap.events.actionplan.ActionPlanEvent;
import io.maap.events.agency.AgencySubmission;
import io.maap.events.agency.AgencySubmissionOutcome;
import io.maap.events.auditprogramme.AuditProgrammeEvent;
import io.maap.events.auditprogramme.BusinessPlanEvent;
import io.maap.events.board.BoardFeedMessage;
import io.maap.events.auditprogramme.ProgrammeEvent;
import io.maap.events.casereturn.CaseReturnEvent;
import io.maap.events.notification.NotificationEvent;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every published event contract, found from the sealed event families, with its
 * CloudEvents type and the topic it is published on.
 */
public final class EventCatalog {

    /** One published contract. */
    public record Entry(Class<?> payloadType, String name, int version, String topic) {

        /** The CloudEvents {@code type} attribute, e.g. {@code maap.audit.commissioned.v1}. */
        public String cloudEventType() {
            return name + ".v" + version;
        }

        /** The JSON Schema resource for the payload, relative to the classpath root. */
        public String schemaResource() {
            return "schemas/" + cloudEventType() + ".json";
        }

        /** The CloudEvents {@code dataschema} attribute. */
        public String dataSchema() {
            return "urn:maap:schema:" + cloudEventType();
        }
    }

    /** A sealed family of published events and the topic it is published on. */
    private record Family(Class<?> root, String topic) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family(AuditProgrammeEvent.class, Topics.AUDIT_PROGRAMME_EVENTS),
            new Family(ProgrammeEvent.class, Topics.AUDIT_PROGRAMME_EVENTS),
            new Family(BusinessPlanEvent.class, Topics.AUDIT_PROGRAMME_EVENTS),
            new Family(CaseReturnEvent.class, Topics.CASE_RETURN_EVENTS),
            new Family(AgencySubmissionOutcome.class, Topics.CASE_RETURN_EVENTS),
            new Family(ActionPlanEvent.class, Topics.ACTION_PLAN_EVENTS),
            new Family(NotificationEvent.class, Topics.NOTIFICATION_EVENTS),
            new Family(AgencySubmission.class, Topics.AGENCY_SUBMISSIONS_ADDRESS),
            new Family(BoardFeedMessage.class, Topics.BOARD_SCORECARD));

    private static final Map<Class<?>, Entry> BY_CLASS = new LinkedHashMap<>();
    private static final Map<String, Entry> BY_TYPE = new LinkedHashMap<>();

    static {
        FAMILIES.forEach(family -> Arrays.stream(family.root().getPermittedSubclasses())
                .sorted(Comparator.comparing(Class::getName)).forEach(type -> {
            EventType annotation = type.getAnnotation(EventType.class);
            if (annotation == null) {
                throw new IllegalStateException(type.getName() + " is published but has no @EventType");
            }
            Entry entry = new Entry(type, annotation.name(), annotation.version(), family.topic());
            if (BY_TYPE.put(entry.cloudEventType(), entry) != null) {
                throw new IllegalStateException("Event type " + entry.cloudEventType() + " is declared twice");
            }
            BY_CLASS.put(type, entry);
        }));
    }

    private EventCatalog() {
    }

    public static Collection<Entry> all() {
        return List.copyOf(BY_TYPE.values());
    }

    public static Optional<Entry> forPayload(Class<?> payloadType) {
        return Optional.ofNullable(BY_CLASS.get(payloadType));
    }

    public static Optional<Entry> forCloudEventType(String cloudEventType) {
        return Optional.ofNullable(BY_TYPE.get(cloudEventType));
    }
}
