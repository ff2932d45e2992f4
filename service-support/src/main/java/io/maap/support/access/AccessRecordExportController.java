package io.maap.support.access;

import io.maap.support.web.CsvCells;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The QA coordinator's export of this service's access records, as CSV (RFC 4180, every cell safe in a spreadsheet). */
@Tag(name = "Access records")
@RestController
public class AccessRecordExportController {

    public static final String PATH = "/api/access-records/export";
    static final int MAX_ROWS = 100_000;
    static final List<String> HEADER = List.of("accessedAt", "userId", "role", "userAgency", "endpoint", "resource",
            "objectIds", "query", "returned", "correlationId");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final AccessRecordStore store;

    public AccessRecordExportController(AccessRecordStore store) {
        this.store = store;
    }

    @GetMapping(value = PATH, produces = "text/csv")
    @Operation(summary = "Who read which sensitive content, as CSV, oldest first",
            description = "Every read of sensitive content by a person recorded by this service, in the time range "
                    + "[from, to) (both optional), at most 100,000 rows. Cells that a spreadsheet would run as a formula "
                    + "are neutralised.")
    public ResponseEntity<String> export(@RequestParam(required = false) Instant from,
                                         @RequestParam(required = false) Instant to) {
        Instant since = from == null ? Instant.EPOCH : clamp(from);
        Instant until = to == null ? LATEST : clamp(to);
        StringBuilder csv = new StringBuilder(CsvCells.row(HEADER));
        for (AccessRecord r : store.between(since, until, MAX_ROWS)) {
            csv.append(CsvCells.row(List.of(r.accessedAt().toString(), nn(r.userId()), nn(r.role()), nn(r.userAgency()),
                    nn(r.endpoint()), nn(r.resource()), nn(r.objectIds()), nn(r.query()), Integer.toString(r.returned()),
                    nn(r.correlationId()))));
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"access-records.csv\"")
                .body(csv.toString());
    }

    private static String nn(String value) {
        return value == null ? "" : value;
    }

    /** Clamped to what the database can store: an instant outside it would fail the query, not match nothing. */
    private static Instant clamp(Instant instant) {
        return instant.isBefore(Instant.EPOCH) ? Instant.EPOCH : instant.isAfter(LATEST) ? LATEST : instant;
    }
}
