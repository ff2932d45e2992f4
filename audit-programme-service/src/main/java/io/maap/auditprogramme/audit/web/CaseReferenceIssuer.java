package io.maap.auditprogramme.audit.web;

import io.maap.auditprogramme.audit.query.CaseReferenceCounter;
import io.maap.auditprogramme.audit.query.CaseReferenceCounters;
import io.maap.auditprogramme.audit.query.IssuedCaseReference;
import io.maap.auditprogramme.audit.query.IssuedCaseReferences;
import io.maap.events.auditprogramme.AuditCommissioned.SampledCase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Issues the partnership's case references when cases are sampled, at the edge like every new id:
 * each sampled case without one takes the next number of its programme's sequence
 * ({@link CaseReferenceFormat}). A retried commissioning of the same audit gets the references
 * issued to it before. Commissionings of one programme at once take their numbers in turn: each
 * holds the programme's {@link CaseReferenceCounter} locked until it commits. The first of a
 * programme inserts the counter, and tries again if another inserted it meanwhile: a duplicate key,
 * expected and not logged (the counter and the references are inserted by plain JDBC, which
 * Hibernate does not report). Numbers are
 * unique in the table too. A reference given for a sampled case is accepted only when the programme
 * issued it earlier (a case audited again, or a retry that repeats the references answered); any
 * other is refused ({@link CaseReferenceNotIssued}).
 */
@Component
public class CaseReferenceIssuer {

    /**
     * Tries of one commissioning: the first of a programme may find its counter made meanwhile, and
     * a number may collide with a reference another programme's commissioning inserted at the same
     * moment (same month and initial; that programme's counter is not locked here). Each try sees the
     * references committed before it, so collisions need ever more commissionings racing; three were
     * not enough with eight clients commissioning in 150 programmes at once (the benchmark).
     */
    private static final int ATTEMPTS = 10;
    /** The most numbers looked up at once while passing over references other programmes took. */
    private static final int MAX_WINDOW = 512;

    private final IssuedCaseReferences issued;
    private final CaseReferenceCounters counters;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String partnershipCode;

    public CaseReferenceIssuer(IssuedCaseReferences issued, CaseReferenceCounters counters, TransactionTemplate transactions,
                               Clock clock,
                               @Value("${maap.case-references.partnership-code:RBR}") String partnershipCode) {
        this.issued = issued;
        this.counters = counters;
        this.transactions = transactions;
        this.clock = clock;
        this.partnershipCode = CaseReferenceFormat.requireValidCode(partnershipCode);
    }

    /**
     * The sample with a reference on every case: a reference given stays when the programme issued it.
     *
     * @throws CaseReferenceNotIssued for a reference given that the programme did not issue
     */
    public List<SampledCase> issue(String programmeId, String auditId, String theme, LocalDate toolSentOn,
                                   List<SampledCase> sample) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> issueOnce(programmeId, auditId, theme, toolSentOn, sample));
            } catch (DataIntegrityViolationException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private List<SampledCase> issueOnce(String programmeId, String auditId, String theme, LocalDate toolSentOn,
                                        List<SampledCase> sample) {
        Map<Integer, String> earlier = issued.findByAuditIdOrderBySamplePositionAsc(auditId).stream()
                .collect(Collectors.toMap(IssuedCaseReference::getSamplePosition, IssuedCaseReference::getCaseReference,
                        (a, b) -> a));
        String[] references = new String[sample.size()];
        List<Integer> unnumbered = new ArrayList<>();
        for (int position = 0; position < sample.size(); position++) {
            String given = sample.get(position).caseReference();
            if (given != null) {
                requireIssuedByProgramme(programmeId, position, given);
            }
            references[position] = given != null ? given : earlier.get(position);
            if (references[position] == null) {
                unnumbered.add(position);
            }
        }
        if (!unnumbered.isEmpty()) {
            number(programmeId, auditId, theme, toolSentOn, unnumbered, references);
        }
        List<SampledCase> referenced = new ArrayList<>();
        for (int position = 0; position < sample.size(); position++) {
            referenced.add(new SampledCase(references[position], sample.get(position).caseType()));
        }
        return referenced;
    }

    /**
     * Gives each unnumbered position the programme's next free numbers, with the counter locked from
     * here to the commit: the numbers a batch needs are looked up together and inserted together, so
     * the lock is held for a handful of statements however many cases the audit samples (commissionings
     * of one programme wait on it in turn). A reference another programme took (same month and
     * initial) is passed over; the numbers looked at after such a one double each round, so a run of
     * taken references costs a few look-ups, not one per reference.
     */
    private void number(String programmeId, String auditId, String theme, LocalDate toolSentOn, List<Integer> unnumbered,
                        String[] references) {
        CaseReferenceCounter counter = counters.lock(programmeId).orElseGet(() -> {
            counters.create(programmeId, issued.lastSequenceNumber(programmeId));
            return counters.lock(programmeId).orElseThrow();
        });
        List<IssuedCaseReference> rows = new ArrayList<>();
        Deque<Integer> waiting = new ArrayDeque<>(unnumbered);
        int next = counter.getLastNumber() + 1;
        for (int window = waiting.size(); !waiting.isEmpty(); window = Math.min(window * 2, MAX_WINDOW)) {
            Map<String, Integer> candidates = new LinkedHashMap<>();
            int size = Math.max(1, Math.min(window, CaseReferenceFormat.LAST_NUMBER - next + 1));
            for (int i = 0; i < size; i++, next++) { // past the last number, reference() says the sequence is used up
                candidates.put(CaseReferenceFormat.reference(partnershipCode, toolSentOn, theme, next), next);
            }
            Set<String> taken = new HashSet<>(issued.takenAmong(candidates.keySet()));
            for (Map.Entry<String, Integer> candidate : candidates.entrySet()) {
                if (!waiting.isEmpty() && !taken.contains(candidate.getKey())) {
                    int position = waiting.removeFirst();
                    references[position] = candidate.getKey();
                    rows.add(new IssuedCaseReference(candidate.getKey(), programmeId, candidate.getValue(), auditId,
                            position, clock.instant()));
                    counter.advanceTo(candidate.getValue());
                }
            }
        }
        issued.insertAll(rows);
    }

    /** A few milliseconds, more each try and at random, so that the racing commissionings part. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while issuing case references", e);
        }
    }

    private void requireIssuedByProgramme(String programmeId, int position, String reference) {
        boolean issuedHere = issued.findById(reference).map(r -> r.getProgrammeId().equals(programmeId)).orElse(false);
        if (!issuedHere) {
            throw new CaseReferenceNotIssued(position, reference, programmeId);
        }
    }
}
