package io.maap.casereturn.request.query;

import io.maap.casereturn.request.event.Answer;
import io.maap.casereturn.request.event.ReturnVersionRecorded;
import io.maap.events.CaseType;
import io.maap.events.casereturn.ReturnAccepted;
import io.maap.events.casereturn.ReturnDeadlineExtended;
import io.maap.events.casereturn.ReturnOverdue;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.events.casereturn.ReturnSentBack;
import io.maap.events.casereturn.NilReturnSubmitted;
import io.maap.events.casereturn.ReturnSubmitted;
import io.maap.events.casereturn.SafeguardingConcernAcknowledged;
import io.maap.events.casereturn.SafeguardingConcernRaised;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class ReturnRequestProjectionTest {

    private static final String ID = "r1";
    private static final Instant AT = Instant.parse("2017-07-20T10:00:00Z");
    private final Map<String, ReturnRequestView> requestRows = new HashMap<>();
    private final Map<String, ReturnVersionView> versionRows = new HashMap<>();
    private final Map<String, SafeguardingConcernView> concernRows = new HashMap<>();
    private ReturnRequestProjection projection;

    @BeforeEach
    void setUp() {
        ReturnRequestViews requests = mock(ReturnRequestViews.class);
        given(requests.findById(anyString())).willAnswer(i -> Optional.ofNullable(requestRows.get(i.<String>getArgument(0))));
        given(requests.save(any())).willAnswer(i -> {
            ReturnRequestView view = i.getArgument(0);
            requestRows.put(view.returnRequestId, view);
            return view;
        });
        ReturnVersionViews versions = mock(ReturnVersionViews.class);
        given(versions.findById(anyString())).willAnswer(i -> Optional.ofNullable(versionRows.get(i.<String>getArgument(0))));
        given(versions.save(any())).willAnswer(i -> {
            ReturnVersionView view = i.getArgument(0);
            versionRows.put(view.id, view);
            return view;
        });
        SafeguardingConcernViews concerns = mock(SafeguardingConcernViews.class);
        given(concerns.findById(anyString())).willAnswer(i -> Optional.ofNullable(concernRows.get(i.<String>getArgument(0))));
        given(concerns.save(any())).willAnswer(i -> {
            SafeguardingConcernView view = i.getArgument(0);
            concernRows.put(view.id, view);
            return view;
        });
        projection = new ReturnRequestProjection(requests, versions, concerns);
        projection.on(new ReturnRequested(ID, "a1", "p1", "RBR-1707-M01", CaseType.CHILD_PROTECTION, "met-police",
                LocalDate.of(2017, 7, 3), LocalDate.of(2017, 7, 24), LocalDate.of(2017, 7, 17)));
    }

    private void submit(int version, String answer) {
        projection.on(new ReturnSubmitted(ID, "a1", "p1", "RBR-1707-M01", "met-police", version, "SPOC", "DI Brown", AT,
                LocalDate.of(2017, 7, 20), LocalDate.of(2017, 7, 24), 0, "api", List.of()));
        projection.on(new ReturnVersionRecorded(ID, version, "SPOC", "DI Brown", AT,
                List.of(new Answer("q1", answer, List.of("CRIS/1"), List.of(), null))));
    }

    @Test
    @SuppressWarnings("deprecation")
    void aNilReturnCoveringAnyTimeShowsNoFirstDayWhetherRecordedWithNullOrTheOldPlaceholder() {
        String declared = "No involvement historically, previously or currently";
        projection.on(new NilReturnSubmitted(ID, "a1", "p1", "RBR-1707-M01", "met-police", 1, "SPOC", AT,
                LocalDate.of(2017, 7, 20), LocalDate.of(2017, 7, 24), 0, "api", null, LocalDate.of(2017, 7, 3), declared));
        assertThat(versionRows.get(ReturnVersionView.idOf(ID, 1)).getNoInvolvementFrom()).isNull();
        // An event recorded before the field could be null carries 1900-01-01 and still reads as any time.
        projection.on(new NilReturnSubmitted(ID, "a1", "p1", "RBR-1707-M01", "met-police", 2, "SPOC", AT,
                LocalDate.of(2017, 7, 20), LocalDate.of(2017, 7, 24), 0, "api", NilReturnSubmitted.ANY_TIME,
                LocalDate.of(2017, 7, 3), declared));
        assertThat(versionRows.get(ReturnVersionView.idOf(ID, 2)).getNoInvolvementFrom()).isNull();
        projection.on(new NilReturnSubmitted(ID, "a1", "p1", "RBR-1707-M01", "met-police", 3, "SPOC", AT,
                LocalDate.of(2017, 7, 20), LocalDate.of(2017, 7, 24), 0, "api", LocalDate.of(2016, 7, 3),
                LocalDate.of(2017, 7, 3), "No involvement in the 12 months before the audit"));
        assertThat(versionRows.get(ReturnVersionView.idOf(ID, 3)).getNoInvolvementFrom()).isEqualTo(LocalDate.of(2016, 7, 3));
    }

    @Test
    void everyVersionStaysReadableWithItsVerdict() {
        submit(1, "Thin");
        projection.on(new ReturnSentBack(ID, "a1", "p1", "RBR-1707-M01", "met-police", 1, List.of("No evidence"), "QA", AT,
                LocalDate.of(2017, 7, 20), LocalDate.of(2017, 7, 27)));
        assertThat(requestRows.get(ID).getStatus()).isEqualTo(ReturnRequestView.Status.SENT_BACK);
        assertThat(requestRows.get(ID).getDueDate()).isEqualTo(LocalDate.of(2017, 7, 27));
        submit(2, "Full");
        projection.on(new ReturnAccepted(ID, "a1", "p1", "RBR-1707-M01", "met-police", 2, false, "QA", AT));

        assertThat(requestRows.get(ID).getStatus()).isEqualTo(ReturnRequestView.Status.ACCEPTED);
        ReturnVersionView first = versionRows.get(ReturnVersionView.idOf(ID, 1));
        assertThat(first.getVerdict()).isEqualTo(ReturnVersionView.Verdict.SENT_BACK);
        assertThat(first.getSentBackReasons()).isEqualTo("No evidence");
        assertThat(first.getAnswersJson()).contains("\"answer\":\"Thin\"");
        assertThat(versionRows.get(ReturnVersionView.idOf(ID, 2)).getVerdict()).isEqualTo(ReturnVersionView.Verdict.ACCEPTED);
    }

    @Test
    void anOverdueRequestStopsBeingOverdueWhenItsDeadlineIsExtended() {
        projection.on(new ReturnOverdue(ID, "a1", "p1", "RBR-1707-M01", "met-police", LocalDate.of(2017, 7, 24),
                LocalDate.of(2017, 7, 25), false, true));
        assertThat(requestRows.get(ID).getOverdueFrom()).isEqualTo(LocalDate.of(2017, 7, 25));
        projection.on(new ReturnDeadlineExtended(ID, "a1", "p1", "RBR-1707-M01", "met-police", LocalDate.of(2017, 7, 24),
                LocalDate.of(2017, 8, 7), "Sick leave", "Business Manager", AT));
        assertThat(requestRows.get(ID).getOverdueFrom()).isNull();
        assertThat(requestRows.get(ID).getDueDate()).isEqualTo(LocalDate.of(2017, 8, 7));
        assertThat(requestRows.get(ID).getOriginalDueDate()).isEqualTo(LocalDate.of(2017, 7, 24));
    }

    @Test
    void aConcernIsVisibleToItsOwnAgencyAndToTheAgenciesItNamesToBeToldAndToNoOther() {
        projection.on(new SafeguardingConcernRaised(ID, "a1", "p1", "RBR-1707-M01", "met-police", "c1", "DI Brown", AT, "Risk",
                null, List.of("nelft", "bhrut")));
        SafeguardingConcernView concern = concernRows.get(SafeguardingConcernView.idOf(ID, "c1"));
        assertThat(concern.visibleToAgency("met-police")).isTrue();
        assertThat(concern.visibleToAgency("nelft")).isTrue();
        assertThat(concern.visibleToAgency("bhrut")).isTrue();
        assertThat(concern.visibleToAgency("redbridge-education")).isFalse();
    }

    @Test
    void aSafeguardingConcernIsUrgentUntilTheAgencyAcknowledgesIt() {
        projection.on(new SafeguardingConcernRaised(ID, "a1", "p1", "RBR-1707-M01", "met-police", "c1", "DI Brown", AT, "Risk"));
        assertThat(concernRows.get(SafeguardingConcernView.idOf(ID, "c1")).isUrgent()).isTrue();
        assertThat(requestRows.get(ID).getOpenSafeguardingConcerns()).isEqualTo(1);
        projection.on(new SafeguardingConcernAcknowledged(ID, "a1", "p1", "RBR-1707-M01", "met-police", "c1", "SPOC", AT,
                "Strategy meeting held"));
        assertThat(concernRows.get(SafeguardingConcernView.idOf(ID, "c1")).isUrgent()).isFalse();
        assertThat(requestRows.get(ID).getOpenSafeguardingConcerns()).isZero();
    }
}
