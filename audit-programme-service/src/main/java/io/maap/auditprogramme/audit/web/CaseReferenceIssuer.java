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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Issues the partnership's case references when cases are sampled, at the edge like every new id:
 * each sampled case without one takes the next number of its programme's sequence
 * ({@link CaseReferenceFormat}). A retried commissioning of the same audit gets the references
 * issued to it before. Commissionings of one programme at once take their numbers in turn: each
 * holds the programme's {@link CaseReferenceCounter} locked until it commits (the first of a
 * programme, which inserts the counter, tries again if another inserted it meanwhile; numbers are
 * unique in the table too). A reference given for a sampled case
 * is accepted only when the programme issued it earlier (a case audited again, or a retry that
 * repeats the references answered); any other is refused ({@link CaseReferenceNotIssued}).
 */
@Component
public class CaseReferenceIssuer {

    private static final int ATTEMPTS = 3;

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
            }
        }
    }

    private List<SampledCase> issueOnce(String programmeId, String auditId, String theme, LocalDate toolSentOn,
                                        List<SampledCase> sample) {
        Map<Integer, String> earlier = issued.findByAuditIdOrderBySamplePositionAsc(auditId).stream()
                .collect(Collectors.toMap(IssuedCaseReference::getSamplePosition, IssuedCaseReference::getCaseReference,
                        (a, b) -> a));
        CaseReferenceCounter counter = counters.lock(programmeId).orElseGet(() ->
                counters.saveAndFlush(new CaseReferenceCounter(programmeId, issued.lastSequenceNumber(programmeId))));
        List<SampledCase> referenced = new ArrayList<>();
        for (int position = 0; position < sample.size(); position++) {
            SampledCase sampled = sample.get(position);
            if (sampled.caseReference() != null) {
                requireIssuedByProgramme(programmeId, position, sampled.caseReference());
            }
            String reference = sampled.caseReference() != null ? sampled.caseReference() : earlier.get(position);
            if (reference == null) {
                int next;
                do { // a reference another programme took (same month and initial) is passed over
                    next = counter.take();
                    reference = CaseReferenceFormat.reference(partnershipCode, toolSentOn, theme, next);
                } while (issued.existsById(reference));
                issued.saveAndFlush(new IssuedCaseReference(reference, programmeId, next, auditId, position, clock.instant()));
            }
            referenced.add(new SampledCase(reference, sampled.caseType()));
        }
        return referenced;
    }

    private void requireIssuedByProgramme(String programmeId, int position, String reference) {
        boolean issuedHere = issued.findById(reference).map(r -> r.getProgrammeId().equals(programmeId)).orElse(false);
        if (!issuedHere) {
            throw new CaseReferenceNotIssued(position, reference, programmeId);
        }
    }
}
