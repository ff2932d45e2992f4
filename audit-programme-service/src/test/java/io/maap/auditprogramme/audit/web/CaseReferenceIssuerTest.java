package io.maap.auditprogramme.audit.web;

import io.maap.auditprogramme.audit.query.CaseReferenceCounter;
import io.maap.auditprogramme.audit.query.CaseReferenceCounters;
import io.maap.auditprogramme.audit.query.IssuedCaseReference;
import io.maap.auditprogramme.audit.query.IssuedCaseReferences;
import io.maap.events.auditprogramme.AuditCommissioned.SampledCase;
import io.maap.events.CaseType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * The partnership issues every sampled case its reference from the programme's sequence; a
 * reference given at commissioning passes only when the same programme issued it before.
 * The issued references are held in a map standing in for the table.
 */
class CaseReferenceIssuerTest {

    static final LocalDate APRIL_2017 = LocalDate.of(2017, 4, 3);
    static final LocalDate JULY_2017 = LocalDate.of(2017, 7, 3);

    final Map<String, IssuedCaseReference> table = new ConcurrentHashMap<>();
    final Map<String, int[]> sequence = new ConcurrentHashMap<>(); // programme -> its numbers, as rows carry them
    final Map<String, CaseReferenceCounter> counterRows = new ConcurrentHashMap<>();
    CaseReferenceIssuer issuer;
    IssuedCaseReferences issued;
    CaseReferenceCounters counters;

    @BeforeEach
    void issuer() {
        issued = mock(IssuedCaseReferences.class);
        given(issued.existsById(anyString())).willAnswer(call -> table.containsKey(call.<String>getArgument(0)));
        given(issued.findById(anyString())).willAnswer(call -> Optional.ofNullable(table.get(call.<String>getArgument(0))));
        given(issued.lastSequenceNumber(anyString())).willAnswer(call -> sequence.getOrDefault(call.<String>getArgument(0),
                new int[] {0})[0]);
        given(issued.findByAuditIdOrderBySamplePositionAsc(anyString())).willAnswer(call -> table.values().stream()
                .filter(r -> rowAudit(r).equals(call.getArgument(0)))
                .sorted(Comparator.comparingInt(IssuedCaseReference::getSamplePosition)).toList());
        given(issued.takenAmong(any())).willAnswer(call -> call.<java.util.Collection<String>>getArgument(0).stream()
                .filter(table::containsKey).toList());
        willAnswer(call -> {
            for (IssuedCaseReference row : call.<List<IssuedCaseReference>>getArgument(0)) {
                table.put(row.getCaseReference(), row);
                sequence.computeIfAbsent(row.getProgrammeId(), p -> new int[] {0})[0]++;
                audits.put(row.getCaseReference(), currentAudit);
            }
            return null;
        }).given(issued).insertAll(any());
        counters = mock(CaseReferenceCounters.class);
        given(counters.lock(anyString())).willAnswer(call -> Optional.ofNullable(counterRows.get(call.<String>getArgument(0))));
        willAnswer(call -> {
            String programme = call.getArgument(0);
            if (counterRows.putIfAbsent(programme, new CaseReferenceCounter(programme, call.getArgument(1))) != null) {
                throw new DuplicateKeyException("case_reference_counter " + programme);
            }
            return null;
        }).given(counters).create(anyString(), anyInt());
        issuer = new CaseReferenceIssuer(issued, counters, new TransactionTemplate(mock(PlatformTransactionManager.class)),
                Clock.fixed(Instant.parse("2017-04-03T09:00:00Z"), ZoneOffset.UTC), "RBR");
    }

    final Map<String, String> audits = new ConcurrentHashMap<>();
    String currentAudit;

    private String rowAudit(IssuedCaseReference row) {
        return audits.get(row.getCaseReference());
    }

    private List<String> issue(String programme, String audit, String theme, LocalDate sentOn, String... given) {
        currentAudit = audit;
        List<SampledCase> sample = java.util.Arrays.stream(given)
                .map(reference -> new SampledCase(reference, CaseType.CHILD_PROTECTION)).toList();
        return issuer.issue(programme, audit, theme, sentOn, sample).stream().map(SampledCase::caseReference).toList();
    }

    @Test
    void casesWithoutReferencesTakeTheProgrammesNextNumbers() {
        assertThat(issue("redbridge-2017-18", "neglect-2017", "Neglect", APRIL_2017, null, null, null))
                .containsExactly("RBR-1704-N01", "RBR-1704-N02", "RBR-1704-N03");
        assertThat(issue("redbridge-2017-18", "missing-2017", "Missing children", JULY_2017, null, null))
                .containsExactly("RBR-1707-M04", "RBR-1707-M05");
        assertThat(issue("redbridge-2018-19", "neglect-2018", "Neglect", JULY_2017, (String) null))
                .as("another programme has its own sequence").containsExactly("RBR-1707-N01");
    }

    @Test
    void theFirstCommissioningOfAProgrammeTriesAgainWhenAnotherCreatedTheCounterMeanwhile() {
        String programme = "redbridge-2017-18";
        // not there when this commissioning looked; there (3 numbers taken) when it came to insert it
        given(counters.lock(programme)).willReturn(Optional.empty())
                .willAnswer(call -> Optional.ofNullable(counterRows.get(programme)));
        counterRows.put(programme, new CaseReferenceCounter(programme, 3));

        assertThat(issue(programme, "neglect-2017", "Neglect", APRIL_2017, null, null))
                .as("the duplicate key is tried again, and the numbers go on from the other's")
                .containsExactly("RBR-1704-N04", "RBR-1704-N05");
        verify(counters).create(programme, 0);
    }

    @Test
    void collisionsWithOtherProgrammesCommissioningAtTheSameMomentAreTriedAgain() {
        java.util.concurrent.atomic.AtomicInteger collisions = new java.util.concurrent.atomic.AtomicInteger();
        willAnswer(call -> {
            if (collisions.incrementAndGet() <= 5) {
                counterRows.remove("havering-2017-18"); // the rollback takes the counter this first commissioning made
                throw new DataIntegrityViolationException("issued_case_reference_pkey: another programme's, committed meanwhile");
            }
            call.<List<IssuedCaseReference>>getArgument(0).forEach(row -> {
                table.put(row.getCaseReference(), row);
                audits.put(row.getCaseReference(), currentAudit);
            });
            return null;
        }).given(issued).insertAll(any());

        assertThat(issue("havering-2017-18", "neglect-havering", "Neglect", APRIL_2017, null, null))
                .containsExactly("RBR-1704-N01", "RBR-1704-N02");
        assertThat(collisions).as("five collisions, then the sixth try inserts").hasValue(6);
    }

    @Test
    void aReferenceAnotherProgrammeTookIsPassedOver() {
        issue("redbridge-2017-18", "neglect-2017", "Neglect", APRIL_2017, null, null);

        assertThat(issue("havering-2017-18", "neglect-havering", "Neglect", APRIL_2017, null, null, null))
                .as("its numbers 1 and 2 give references the other programme has: 3, 4 and 5 instead")
                .containsExactly("RBR-1704-N03", "RBR-1704-N04", "RBR-1704-N05");
        assertThat(issue("havering-2017-18", "missing-havering", "Missing", APRIL_2017, (String) null))
                .as("the sequence goes on from the last number taken").containsExactly("RBR-1704-M06");
    }

    @Test
    void aLongRunOfReferencesOtherProgrammesTookIsPassedOverInAFewLookUps() {
        for (int programme = 0; programme < 20; programme++) {
            issue("programme-" + programme, "neglect-" + programme, "Neglect", APRIL_2017, null, null);
        }
        clearInvocations(issued);

        assertThat(issue("havering-2017-18", "neglect-havering", "Neglect", APRIL_2017, null, null))
                .containsExactly("RBR-1704-N41", "RBR-1704-N42");
        verify(issued, atMost(6)).takenAmong(any());
        assertThat(issue("havering-2017-18", "missing-havering", "Missing", APRIL_2017, (String) null))
                .as("numbers looked at but not used are not passed over").containsExactly("RBR-1704-M43");
    }

    @Test
    void aRetriedCommissioningGetsItsReferencesAgainWhetherItRepeatsThemOrNot() {
        List<String> first = issue("redbridge-2017-18", "neglect-2017", "Neglect", APRIL_2017, null, null);

        assertThat(issue("redbridge-2017-18", "neglect-2017", "Neglect", APRIL_2017, null, null)).isEqualTo(first);
        assertThat(issue("redbridge-2017-18", "neglect-2017", "Neglect", APRIL_2017, first.toArray(String[]::new)))
                .isEqualTo(first);
        assertThat(table).hasSize(2);
    }

    @Test
    void aCaseTheProgrammeReferencedBeforeMayBeAuditedAgainUnderItsReference() {
        List<String> neglect = issue("redbridge-2017-18", "neglect-2017", "Neglect", APRIL_2017, null, null);

        assertThat(issue("redbridge-2017-18", "neglect-reaudit-2018", "Neglect", JULY_2017, neglect.get(1), null))
                .containsExactly("RBR-1704-N02", "RBR-1707-N03");
    }

    @Test
    void aReferenceTheProgrammeNeverIssuedIsRefusedNamingTheField() {
        issue("redbridge-2018-19", "neglect-2018", "Neglect", APRIL_2017, (String) null);

        assertThatThrownBy(() -> issue("redbridge-2017-18", "missing-2017", "Missing", JULY_2017, null, "RBR-1707-M09"))
                .isInstanceOfSatisfying(CaseReferenceNotIssued.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(422);
                    assertThat(e.getBody().getType().toString()).isEqualTo("urn:maap:problem:case-reference-not-issued");
                    assertThat(e.getBody().getProperties().get("errors").toString()).contains("cases[1].caseReference");
                });
        assertThatThrownBy(() -> issue("redbridge-2017-18", "missing-2017", "Missing", JULY_2017, "RBR-1704-N01"))
                .as("issued, but by another programme").isInstanceOf(CaseReferenceNotIssued.class);
    }
}
