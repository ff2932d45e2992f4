package io.maap.casereturn.casenumber.web;

import io.maap.casereturn.casenumber.query.AgencyCaseNumber;
import io.maap.casereturn.casenumber.query.AgencyCaseNumbers;
import io.maap.casereturn.casenumber.query.CaseNumberSeal;
import io.maap.casereturn.request.query.ReturnRequestView;
import io.maap.casereturn.request.query.ReturnRequestViews;
import io.maap.support.security.AgencyScope;
import io.maap.support.domain.RuleViolation;
import io.maap.support.security.Caller;
import io.maap.support.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/**
 * An agency's own case number for a case the partnership referenced (e.g. a police CRIS number for
 * {@code RBR-1704-N03}), kept by the agency's SPOC so they can find the case in their records.
 * Only that agency's SPOC reads or changes it; for anyone else's request it is "not found".
 */
@RestController
@RequestMapping("/api/return-requests/{id}/agency-case-number")
@Tag(name = "Return requests")
public class AgencyCaseNumberController {

    private final AgencyCaseNumbers numbers;
    private final ReturnRequestViews requests;
    private final CaseNumberSeal seal;
    private final Clock clock;

    public AgencyCaseNumberController(AgencyCaseNumbers numbers, ReturnRequestViews requests, CaseNumberSeal seal,
                                      Clock clock) {
        this.numbers = numbers;
        this.requests = requests;
        this.seal = seal;
        this.clock = clock;
    }

    public record CaseNumberBody(
            @NotBlank @Size(max = 64) @Pattern(regexp = "^[\\p{L}\\p{N} ./_-]+$",
                    message = "must be the agency's case number: letters, digits, spaces, '.', '/', '_' or '-'") String caseNumber) {
    }

    public record CaseNumber(String returnRequestId, String caseReference, String agency, String caseNumber,
                             String recordedBy, Instant recordedAt) {
    }

    @GetMapping
    @Operation(summary = "The agency's own case number for the request's case (its SPOC only)")
    public CaseNumber get(@PathVariable String id) {
        ReturnRequestView request = ownRequest(id);
        AgencyCaseNumber number = numbers.findById(id).orElseThrow(() -> new NotFoundException(
                "No case number of the agency's is kept for return request '" + id + "'."));
        return of(request, number);
    }

    @PutMapping
    @Operation(summary = "Keep (or change) the agency's own case number for the request's case (its SPOC only)",
            description = "Held apart from the return and shown to no one but the agency's SPOC.")
    public CaseNumber put(@PathVariable String id, @Valid @RequestBody CaseNumberBody body) {
        ReturnRequestView request = ownRequest(id);
        String sealed = seal.seal(request.getAuditId(), id, body.caseNumber().strip()).orElseThrow(() -> new RuleViolation(
                "audit-text-removed", "The audit's text was removed under the retention policy: no case number can be kept for it."));
        AgencyCaseNumber number = numbers.save(new AgencyCaseNumber(id, request.getAgency(), sealed,
                Caller.require().userId(), clock.instant()));
        return of(request, number);
    }

    /** The caller's own agency's request: another agency's is "not found", exactly like a missing one. */
    private ReturnRequestView ownRequest(String id) {
        ReturnRequestView request = requests.findById(id)
                .orElseThrow(() -> new NotFoundException("No return request '" + id + "'."));
        AgencyScope.requireVisible(request.getAgency(), () -> new NotFoundException("No return request '" + id + "'."));
        return request;
    }

    private CaseNumber of(ReturnRequestView request, AgencyCaseNumber number) {
        return new CaseNumber(number.getReturnRequestId(), request.getCaseReference(), number.getAgency(),
                seal.open(id(number), number.getSealedCaseNumber()), number.getRecordedBy(), number.getRecordedAt());
    }

    private static String id(AgencyCaseNumber number) {
        return number.getReturnRequestId();
    }
}
