package io.maap.bench;

import io.maap.events.CaseType;
import io.maap.events.EventCatalog;
import io.maap.events.Topics;
import io.maap.events.actionplan.ActionAdded;
import io.maap.events.actionplan.ActionClosed;
import io.maap.events.actionplan.ActionPlanAgreed;
import io.maap.events.actionplan.ActionPlanDrafted;
import io.maap.events.actionplan.ActionProgressReported;
import io.maap.events.actionplan.FindingKind;
import io.maap.events.actionplan.FindingRecorded;
import io.maap.events.actionplan.Rag;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditReturnsClosed;
import io.maap.events.auditprogramme.ProgrammeAgreed;
import io.maap.events.casereturn.AuditorNominated;
import io.maap.events.casereturn.NilReturnSubmitted;
import io.maap.events.casereturn.ReturnAccepted;
import io.maap.events.casereturn.ReturnAcknowledged;
import io.maap.events.casereturn.ReturnOverdue;
import io.maap.events.casereturn.ReturnReminderSent;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.events.casereturn.ReturnSentBack;
import io.maap.events.casereturn.ReturnSubmitted;
import io.maap.support.messaging.EventJson;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.UUID;

/**
 * Many partnerships running their audit programmes, deterministic by seed: each partnership
 * agrees a programme of themed audits; each audit samples cases and asks every participating
 * agency for a return on each (cases × agencies); agencies return on time or late, make nil
 * returns, are sent back and resubmit, or never return and go overdue; the challenge day
 * records findings and an action plan whose actions are reported on and some closed.
 * <p>
 * {@link #plan(int)} gives the audits as plans (what the command driver enters over REST);
 * {@link #events(long)} streams the events the services would publish for them, per aggregate
 * in sequence order, as many as asked (10 thousand to 10 million and more, in constant memory),
 * audit after audit: each audit's months of events together. {@link #eventsInTimeOrder(long)}
 * streams the same audits' events in the order of their times, as the services publish them.
 */
public final class LoadGenerator {

    static final List<String> AGENCIES = List.of("met-police", "nelft", "bhrut", "lbr-childrens-social-care",
            "lbr-education", "barts-health", "probation", "cafcass");
    private static final List<String> THEMES = List.of("Neglect", "Missing", "Child sexual exploitation",
            "Domestic abuse", "Mental health", "E-safety");
    private static final int AUDITS_PER_PROGRAMME = 10;
    private static final Instant BASE = Instant.parse("2017-04-03T09:00:00Z");

    /** How an agency answers one return request. */
    public enum Outcome { ON_TIME, LATE, NIL, SENT_BACK, OVERDUE }

    public record Request(String returnRequestId, String caseReference, String agency, Outcome outcome, int workingDaysLate) {
    }

    /** One audit of one partnership's programme, with every return request and its outcome. */
    public record AuditPlan(int index, String partnership, String programmeId, String auditId, String theme,
                            Instant commissionedAt, LocalDate toolSentOn, LocalDate dueDate, List<String> cases,
                            List<String> agencies, List<Request> requests, int findings, int actions) {

        /** The body of the challenge day's finding {@code f1} on this audit, for {@code POST /api/audits/{auditId}/findings}. */
        public ObjectNode finding() {
            ObjectNode finding = EventJson.mapper().createObjectNode().put("findingId", "f1").put("aspect", "management-oversight")
                    .put("kind", "AREA_FOR_IMPROVEMENT").put("summary", "Found at the challenge day").put("recommendation", "Act on it")
                    .put("recordedBy", "QA Manager");
            finding.putArray("agencies").add(agencies.get(0));
            finding.putArray("references").add(cases.get(0));
            return finding;
        }
    }

    /** An event as a service would publish it: topic, key (aggregate id), aggregate sequence, time, payload. */
    public record GeneratedEvent(String topic, String key, long sequence, Instant time, Object payload, UUID id) {

        public ProducerRecord<String, byte[]> toRecord() {
            EventCatalog.Entry entry = EventCatalog.forPayload(payload.getClass()).orElseThrow();
            RecordHeaders headers = new RecordHeaders();
            header(headers, "ce_specversion", "1.0");
            header(headers, "ce_id", id.toString());
            header(headers, "ce_source", "urn:maap:load-generator");
            header(headers, "ce_type", entry.cloudEventType());
            header(headers, "ce_subject", key);
            header(headers, "ce_time", time.toString());
            header(headers, "ce_sequence", Long.toString(sequence));
            return new ProducerRecord<>(topic, null, key, EventJson.mapper().writeValueAsBytes(payload), headers);
        }

        private static void header(RecordHeaders headers, String name, String value) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final long seed;

    public LoadGenerator(long seed) {
        this.seed = seed;
    }

    /** The i-th audit; the same seed and index always give the same plan. */
    public AuditPlan plan(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        int partnership = index / AUDITS_PER_PROGRAMME;
        String programmeId = "load-p" + partnership + "-programme";
        String auditId = "load-p" + partnership + "-a" + (index % AUDITS_PER_PROGRAMME) + "-s" + seed;
        Instant commissionedAt = BASE.plusSeconds(index * 600L);
        LocalDate toolSentOn = LocalDate.ofInstant(commissionedAt, ZoneOffset.UTC);
        LocalDate dueDate = toolSentOn.plusDays(21);
        int caseCount = 6 + random.nextInt(7);
        List<String> cases = new ArrayList<>();
        for (int c = 0; c < caseCount; c++) {
            // The partnership-issued form (partnership, four digits, letter and number): here the
            // load's partnership and audit number stand in the digits.
            cases.add(String.format("LD-%02d%02d-C%02d", partnership % 100, index % AUDITS_PER_PROGRAMME % 100, c));
        }
        List<String> agencies = new ArrayList<>(AGENCIES);
        java.util.Collections.shuffle(agencies, random);
        agencies = List.copyOf(agencies.subList(0, 4 + random.nextInt(3)));
        List<Request> requests = new ArrayList<>();
        for (String reference : cases) {
            for (String agency : agencies) {
                int draw = random.nextInt(100);
                Outcome outcome = draw < 55 ? Outcome.ON_TIME : draw < 72 ? Outcome.LATE : draw < 82 ? Outcome.NIL
                        : draw < 92 ? Outcome.SENT_BACK : Outcome.OVERDUE;
                int late = outcome == Outcome.LATE ? 1 + random.nextInt(10) : 0;
                requests.add(new Request(UUID.nameUUIDFromBytes((auditId + "/" + reference + "/" + agency)
                        .getBytes(StandardCharsets.UTF_8)).toString(), reference, agency, outcome, late));
            }
        }
        return new AuditPlan(index, "Partnership " + partnership, programmeId, auditId, THEMES.get(random.nextInt(THEMES.size())),
                commissionedAt, toolSentOn, dueDate, List.copyOf(cases), agencies, List.copyOf(requests),
                2 + random.nextInt(4), 2 + random.nextInt(4));
    }

    /** The first {@code count} events of the partnerships' programmes, audit after audit. */
    public Iterator<GeneratedEvent> events(long count) {
        return new Counted(count) {
            private int audit;
            private Iterator<GeneratedEvent> current = List.<GeneratedEvent>of().iterator();

            @Override
            GeneratedEvent following() {
                while (!current.hasNext()) {
                    current = eventsOf(plan(audit++)).iterator();
                }
                return current.next();
            }
        };
    }

    /**
     * The first {@code count} events of every audit by time, as the services publish them: the
     * events of all the audits under way interleaved, each aggregate's in sequence order (an
     * audit's events at the same instant keep their order). Audits are generated as the stream
     * reaches their first event (a commission, or its programme's agreement a minute before);
     * each one's events wait in memory until their time comes, so memory grows with the audits
     * under way (some hundreds of megabytes at a million events), and is let go at the end.
     */
    public Iterator<GeneratedEvent> eventsInTimeOrder(long count) {
        record Cursor(List<GeneratedEvent> events, int audit, int position) {
            GeneratedEvent head() {
                return events.get(position);
            }
        }
        return new Counted(count) {
            private int audit;
            private java.util.PriorityQueue<Cursor> waiting = new java.util.PriorityQueue<>(
                    Comparator.comparing((Cursor cursor) -> cursor.head().time()).thenComparingInt(Cursor::audit));

            @Override
            GeneratedEvent following() {
                // an audit's first event comes no earlier than a minute before its commission
                while (waiting.isEmpty() || !BASE.plusSeconds(audit * 600L - 60).isAfter(waiting.peek().head().time())) {
                    List<GeneratedEvent> events = eventsOf(plan(audit));
                    if (!events.isEmpty()) {
                        waiting.add(new Cursor(events, audit, 0));
                    }
                    audit++;
                }
                Cursor cursor = waiting.poll();
                if (cursor.position() + 1 < cursor.events().size()) {
                    waiting.add(new Cursor(cursor.events(), cursor.audit(), cursor.position() + 1));
                }
                if (last()) {
                    waiting = new java.util.PriorityQueue<>(waiting.comparator());
                }
                return cursor.head();
            }
        };
    }

    /** A stream of exactly {@code count} events, each taken from {@link #following()}. */
    private abstract static class Counted implements Iterator<GeneratedEvent> {

        private final long count;
        private long emitted;

        Counted(long count) {
            this.count = count;
        }

        /** The next event of the stream; more are always there. */
        abstract GeneratedEvent following();

        /** Whether the event {@link #following()} is giving is the last one asked for. */
        boolean last() {
            return emitted == count - 1;
        }

        @Override
        public boolean hasNext() {
            return emitted < count;
        }

        @Override
        public GeneratedEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            GeneratedEvent event = following();
            emitted++;
            return event;
        }
    }

    /** The programme of the audit commissioned last at or before an instant (the first audit's before the first). */
    public String programmeAt(Instant instant) {
        long index = Math.max(0, java.time.Duration.between(BASE, instant).toSeconds() / 600);
        return plan((int) Math.min(index, Integer.MAX_VALUE)).programmeId();
    }

    /** The instant half-way through the first {@code count} events (roughly: audits are spread evenly in time). */
    public Instant middle(long count) {
        long audits = Math.max(1, count / 250);
        return BASE.plusSeconds(audits / 2 * 600L);
    }

    /** Every event of one audit (and of its programme, for the first audit of a programme), in time order. */
    List<GeneratedEvent> eventsOf(AuditPlan audit) {
        Events events = new Events(audit.index());
        Instant t = audit.commissionedAt();
        String p = audit.programmeId();
        if (audit.index() % AUDITS_PER_PROGRAMME == 0) {
            events.add(Topics.AUDIT_PROGRAMME_EVENTS, p, 0, t.minusSeconds(60), new ProgrammeAgreed(p, audit.partnership(),
                    audit.partnership() + " multi-agency case audit programme", audit.toolSentOn(), audit.toolSentOn().plusYears(1),
                    audit.toolSentOn(), "Board"));
        }
        String a = audit.auditId();
        events.add(Topics.AUDIT_PROGRAMME_EVENTS, a, 0, t, new AuditCommissioned(a, p, audit.theme() + " audit", audit.theme(),
                "Lead officer", audit.toolSentOn(), audit.dueDate(), audit.dueDate().minusDays(7), null,
                List.of(new AuditCommissioned.AuditQuestion("q1", "Was the child seen?", true)),
                audit.cases().stream().map(c -> new AuditCommissioned.SampledCase(c, CaseType.CHILD_IN_NEED)).toList(),
                audit.agencies()));
        LocalDate due = audit.dueDate();
        Instant dueAt = due.atTime(17, 0).toInstant(ZoneOffset.UTC);
        for (Request r : audit.requests()) {
            String id = r.returnRequestId();
            String c = r.caseReference();
            String ag = r.agency();
            long seq = 0;
            Instant at = t.plusSeconds(5);
            events.add(Topics.CASE_RETURN_EVENTS, id, seq++, at, new ReturnRequested(id, a, p, c, CaseType.CHILD_IN_NEED, ag,
                    audit.toolSentOn(), due, due.minusDays(7)));
            if (r.outcome() == Outcome.OVERDUE) {
                events.add(Topics.CASE_RETURN_EVENTS, id, seq++, dueAt.minusSeconds(7 * 86_400), new ReturnReminderSent(id, a, p, c, ag,
                        due.minusDays(7), due));
                events.add(Topics.CASE_RETURN_EVENTS, id, seq, dueAt.plusSeconds(86_400), new ReturnOverdue(id, a, p, c, ag, due,
                        due.plusDays(1), false, true));
                continue;
            }
            Instant submittedAt = dueAt.minusSeconds(3 * 86_400).plusSeconds(r.workingDaysLate() * 7L * 86_400 / 5);
            LocalDate submittedOn = LocalDate.ofInstant(submittedAt, ZoneOffset.UTC);
            if (r.outcome() == Outcome.NIL) {
                events.add(Topics.CASE_RETURN_EVENTS, id, seq++, submittedAt, new NilReturnSubmitted(id, a, p, c, ag, 1, "spoc",
                        submittedAt, submittedOn, due, 0, "api", audit.toolSentOn().minusYears(1), audit.toolSentOn()));
                events.add(Topics.CASE_RETURN_EVENTS, id, seq, submittedAt.plusSeconds(86_400), new ReturnAccepted(id, a, p, c, ag, 1,
                        true, "qa", submittedAt.plusSeconds(86_400)));
                continue;
            }
            events.add(Topics.CASE_RETURN_EVENTS, id, seq++, at.plusSeconds(3600), new ReturnAcknowledged(id, a, p, c, ag, "spoc",
                    at.plusSeconds(3600), "case holder", "line manager"));
            events.add(Topics.CASE_RETURN_EVENTS, id, seq++, at.plusSeconds(3600), new AuditorNominated(id, a, p, c, ag, "auditor",
                    "case holder", "line manager", "spoc", at.plusSeconds(3600)));
            events.add(Topics.CASE_RETURN_EVENTS, id, seq++, submittedAt, new ReturnSubmitted(id, a, p, c, ag, 1, "spoc", "auditor",
                    submittedAt, submittedOn, due, r.workingDaysLate(), "api", List.of(new ReturnSubmitted.Grade("q1", "good"))));
            int version = 1;
            Instant last = submittedAt;
            if (r.outcome() == Outcome.SENT_BACK) {
                Instant sentBack = submittedAt.plusSeconds(86_400);
                events.add(Topics.CASE_RETURN_EVENTS, id, seq++, sentBack, new ReturnSentBack(id, a, p, c, ag, 1,
                        List.of("Say what the child said"), "qa", sentBack, LocalDate.ofInstant(sentBack, ZoneOffset.UTC),
                        due.plusDays(7)));
                last = sentBack.plusSeconds(2 * 86_400);
                version = 2;
                events.add(Topics.CASE_RETURN_EVENTS, id, seq++, last, new ReturnSubmitted(id, a, p, c, ag, 2, "spoc", "auditor",
                        last, LocalDate.ofInstant(last, ZoneOffset.UTC), due.plusDays(7), 0, "api",
                        List.of(new ReturnSubmitted.Grade("q1", "good"))));
            }
            events.add(Topics.CASE_RETURN_EVENTS, id, seq, last.plusSeconds(86_400), new ReturnAccepted(id, a, p, c, ag, version,
                    false, "qa", last.plusSeconds(86_400)));
        }
        Instant closed = dueAt.plusSeconds(14 * 86_400);
        LocalDate closedOn = LocalDate.ofInstant(closed, ZoneOffset.UTC);
        events.add(Topics.AUDIT_PROGRAMME_EVENTS, a, 1, closed, new AuditReturnsClosed(a, p, closedOn, closedOn.plusDays(14), "lead"));

        // The challenge day's learning: one aggregate per audit in action-plan-service.
        long seq = 0;
        Instant day = closed.plusSeconds(14 * 86_400);
        LocalDate on = LocalDate.ofInstant(day, ZoneOffset.UTC);
        List<String> findings = new ArrayList<>();
        for (int f = 0; f < audit.findings(); f++) {
            String findingId = a + "-f" + f;
            findings.add(findingId);
            events.add(Topics.ACTION_PLAN_EVENTS, a, seq++, day, new FindingRecorded(findingId, a, p, "aspect-" + f % 5,
                    "Aspect " + f % 5, f % 3 == 0 ? FindingKind.GOOD_PRACTICE : FindingKind.values()[1 + f % (FindingKind.values().length - 1)],
                    List.of(audit.agencies().get(f % audit.agencies().size())), List.of(), "Summary of finding " + f,
                    "Recommendation " + f, "chair", on));
        }
        String planId = a + "-plan";
        events.add(Topics.ACTION_PLAN_EVENTS, a, seq++, day.plusSeconds(86_400), new ActionPlanDrafted(planId, a, p, null,
                "Action plan", "lead", on.plusDays(1)));
        for (int x = 0; x < audit.actions(); x++) {
            events.add(Topics.ACTION_PLAN_EVENTS, a, seq++, day.plusSeconds(86_400), new ActionAdded(a + "-act" + x, planId, a, p,
                    "Action " + x, audit.agencies().get(x % audit.agencies().size()), "lead", on.plusMonths(3),
                    List.of(findings.get(x % findings.size())), "Measure", on.plusDays(1)));
        }
        events.add(Topics.ACTION_PLAN_EVENTS, a, seq++, day.plusSeconds(7 * 86_400), new ActionPlanAgreed(planId, a, p, null,
                audit.actions(), "Board", on.plusDays(7), 3, on.plusMonths(3)));
        Instant reported = day.plusSeconds(90L * 86_400);
        LocalDate reportedOn = LocalDate.ofInstant(reported, ZoneOffset.UTC);
        for (int x = 0; x < audit.actions(); x++) {
            events.add(Topics.ACTION_PLAN_EVENTS, a, seq++, reported, new ActionProgressReported(a + "-act" + x + "-u1",
                    a + "-act" + x, planId, a, p, audit.agencies().get(x % audit.agencies().size()),
                    Rag.values()[x % Rag.values().length], "Progress", "lead", reportedOn, null));
        }
        for (int x = 0; x < audit.actions(); x += 2) {
            events.add(Topics.ACTION_PLAN_EVENTS, a, seq++, reported.plusSeconds(30L * 86_400), new ActionClosed(a + "-act" + x,
                    planId, a, p, audit.agencies().get(x % audit.agencies().size()), "Evidence of impact", "chair",
                    reportedOn.plusDays(30), on.plusMonths(3)));
        }
        return events.sortedByTime();
    }

    /** An audit's events, with deterministic CloudEvents ids. */
    private final class Events {

        private final List<GeneratedEvent> list = new ArrayList<>();
        private final long audit;

        Events(long audit) {
            this.audit = audit;
        }

        void add(String topic, String key, long sequence, Instant time, Object payload) {
            list.add(new GeneratedEvent(topic, key, sequence, time, payload, new UUID(seed ^ (audit << 20), list.size())));
        }

        /** Stable sort: an aggregate's events at the same instant keep their sequence order. */
        List<GeneratedEvent> sortedByTime() {
            list.sort(Comparator.comparing(GeneratedEvent::time));
            return list;
        }
    }
}
