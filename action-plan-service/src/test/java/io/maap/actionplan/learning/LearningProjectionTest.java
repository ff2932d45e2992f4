package io.maap.actionplan.learning;

import io.maap.actionplan.learning.query.ActionHistory;
import io.maap.actionplan.learning.query.ActionHistoryEntry;
import io.maap.actionplan.learning.query.ActionPlans;
import io.maap.actionplan.learning.query.ActionView;
import io.maap.actionplan.learning.query.Actions;
import io.maap.actionplan.learning.query.Findings;
import io.maap.actionplan.learning.query.KnownAudits;
import io.maap.actionplan.learning.query.LearningProjection;
import io.maap.actionplan.learning.query.RegisteredAspects;
import io.maap.events.actionplan.ActionAdded;
import io.maap.events.actionplan.ActionClosed;
import io.maap.events.actionplan.ActionOverdue;
import io.maap.events.actionplan.ActionProgressReported;
import io.maap.events.actionplan.ActionReopened;
import io.maap.events.actionplan.Rag;
import jakarta.persistence.Id;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The query model's handlers, called directly, on in-memory tables. */
class LearningProjectionTest {

    private static final String AUDIT = "rbr-2017-neglect";
    private static final LocalDate DUE = LocalDate.of(2017, 12, 31);

    private final Map<Class<?>, Map<Object, Object>> tables = new LinkedHashMap<>();
    private AnnotationEventHandlerAdapter projection;
    private long sequence;

    @BeforeEach
    void setUp() {
        projection = new AnnotationEventHandlerAdapter(new LearningProjection(table(KnownAudits.class),
                table(Findings.class), table(ActionPlans.class), table(Actions.class), table(ActionHistory.class),
                table(RegisteredAspects.class)));
        publish(new ActionAdded("a1", "p1", AUDIT, "redbridge-2017-18", "Supervision audits", "lbr-childrens-social-care",
                "Head of Service", DUE, List.of("f1"), "90% of files", LocalDate.of(2017, 7, 4)));
    }

    @Test
    void everyUpdateIsKeptAndTheLatestDatedRagIsShown() {
        publish(progress("u1", Rag.AMBER, LocalDate.of(2017, 12, 19)));
        publish(progress("u0", Rag.RED, LocalDate.of(2017, 11, 1)));

        assertThat(action().getLatestRag()).isEqualTo(Rag.AMBER);
        assertThat(history()).extracting(ActionHistoryEntry::getKind)
                .containsExactly(ActionHistoryEntry.Kind.PROGRESS_REPORTED, ActionHistoryEntry.Kind.PROGRESS_REPORTED);
    }

    @Test
    void aRedeliveredEventAddsNoSecondHistoryRow() {
        DomainEventMessage<?> update = message(progress("u1", Rag.GREEN, LocalDate.of(2017, 12, 19)));
        handle(update);
        handle(update);
        assertThat(history()).hasSize(1);
    }

    @Test
    void closingAndReopeningKeepTheOverdueFlagAndTheHistory() {
        publish(new ActionOverdue("a1", "p1", AUDIT, "redbridge-2017-18", "lbr-childrens-social-care", "Head of Service", DUE));
        publish(new ActionClosed("a1", "p1", AUDIT, "redbridge-2017-18", "lbr-childrens-social-care", "Re-audit 19/20",
                "QA Sub-Group", LocalDate.of(2018, 1, 31), DUE));
        assertThat(action().getStatus()).isEqualTo(ActionView.Status.CLOSED);
        assertThat(action().getEvidenceOfImpact()).isEqualTo("Re-audit 19/20");

        publish(new ActionReopened("a1", "p1", AUDIT, "redbridge-2017-18", "lbr-childrens-social-care", "Lapsed",
                "QA Sub-Group", LocalDate.of(2018, 4, 1)));
        assertThat(action().getStatus()).isEqualTo(ActionView.Status.OPEN);
        assertThat(action().isOverdue()).isTrue();
        assertThat(history()).extracting(ActionHistoryEntry::getKind).containsExactly(ActionHistoryEntry.Kind.OVERDUE,
                ActionHistoryEntry.Kind.CLOSED, ActionHistoryEntry.Kind.REOPENED);
    }

    private static ActionProgressReported progress(String updateId, Rag rag, LocalDate on) {
        return new ActionProgressReported(updateId, "a1", "p1", AUDIT, "redbridge-2017-18", "lbr-childrens-social-care",
                rag, "note", "Head of Service", on, null);
    }

    private ActionView action() {
        return (ActionView) tables.get(Actions.class).get(AUDIT + "/a1");
    }

    private List<ActionHistoryEntry> history() {
        return tables.get(ActionHistory.class).values().stream().map(ActionHistoryEntry.class::cast)
                .sorted(java.util.Comparator.comparingLong(ActionHistoryEntry::getSequence)).toList();
    }

    private void publish(Object payload) {
        handle(message(payload));
    }

    private DomainEventMessage<?> message(Object payload) {
        return new GenericDomainEventMessage<>("AuditLearning", AUDIT, sequence++, payload);
    }

    private void handle(DomainEventMessage<?> message) {
        try {
            projection.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A repository whose table is a map keyed by the entity's {@code @Id}; enough for the projection's calls. */
    @SuppressWarnings("unchecked")
    private <R> R table(Class<R> repository) {
        Map<Object, Object> rows = tables.computeIfAbsent(repository, k -> new LinkedHashMap<>());
        return (R) Proxy.newProxyInstance(repository.getClassLoader(), new Class<?>[]{repository}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "save" -> {
                        rows.put(id(args[0]), args[0]);
                        yield args[0];
                    }
                    case "findById" -> Optional.ofNullable(rows.get(args[0]));
                    case "findAll" -> new ArrayList<>(rows.values());
                    case "deleteAllInBatch" -> {
                        rows.clear();
                        yield null;
                    }
                    case "toString" -> repository.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Object id(Object entity) throws IllegalAccessException {
        for (Field field : entity.getClass().getDeclaredFields()) {
            if (field.isAnnotationPresent(Id.class)) {
                field.setAccessible(true);
                return field.get(entity);
            }
        }
        throw new IllegalArgumentException(entity.getClass() + " has no @Id");
    }
}
