package io.maap.casereturn.access.web;

import io.maap.casereturn.access.query.ReturnReads;
import io.maap.casereturn.access.query.ReturnReads.ReturnRead;
import io.maap.support.web.Patterns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The access log of returns, for the partnership to answer who saw which child's return. */
@RestController
@Validated
@RequestMapping("/api/access-records")
@Tag(name = "Access records")
public class AccessRecordController {

    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private final ReturnReads reads;

    public AccessRecordController(ReturnReads reads) {
        this.reads = reads;
    }

    public record AccessRecordPage(List<ReturnRead> items, int page, int size, long total) {
    }

    @GetMapping
    @Operation(summary = "Who read which return, newest first",
            description = "Every read of a return request, its versions or its safeguarding concerns by a person, from the "
                    + "access records (the same ones GET /api/access-records/export gives as CSV). "
                    + "Filter by return request, user, audit, the return's agency and a time range [from, to).")
    public AccessRecordPage search(
            @RequestParam(required = false) @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String returnRequestId,
            @RequestParam(required = false) @Pattern(regexp = "^[A-Za-z0-9@._-]{1,128}$", message = "is not a user id") String userId,
            @RequestParam(required = false) @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String auditId,
            @RequestParam(required = false) @Pattern(regexp = Patterns.AGENCY, message = Patterns.AGENCY_MESSAGE) String agency,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        // Clamped to what the database can store: an instant outside it would fail the query, not match nothing.
        Instant since = from == null ? Instant.EPOCH : clamp(from);
        Instant until = to == null ? LATEST : clamp(to);
        ReturnReads.Found found = reads.search(returnRequestId, userId, auditId, agency, since, until, page, size);
        return new AccessRecordPage(found.items(), page, size, found.total());
    }

    private static Instant clamp(Instant instant) {
        return instant.isBefore(Instant.EPOCH) ? Instant.EPOCH : instant.isAfter(LATEST) ? LATEST : instant;
    }
}
