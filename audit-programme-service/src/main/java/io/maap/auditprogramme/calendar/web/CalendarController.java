package io.maap.auditprogramme.calendar.web;

import io.maap.auditprogramme.audit.command.PlanAudit;
import io.maap.auditprogramme.audit.query.AuditQueries;
import io.maap.auditprogramme.audit.query.AuditView;
import io.maap.auditprogramme.programme.command.AgreeProgramme;
import io.maap.auditprogramme.programme.query.ProgrammeQueries;
import io.maap.auditprogramme.programme.query.ProgrammeView;
import io.maap.auditprogramme.section11.command.PlanSection11Audit;
import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.Milestone;
import io.maap.events.auditprogramme.PlannedDate;
import io.maap.support.web.NotFoundException;
import io.maap.support.web.Patterns;
import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Import of an existing audit calendar (docs/board-papers.md): a CSV in the shape of seed 001's
 * audit calendar or seed 000's programme schedule. Every row is checked first (dates, names, the
 * audits already entered); only when none has an error are the programme and its audits entered,
 * through the same commands as the API's, with ids derived from the programme and each audit's
 * name, so importing the same file again changes nothing. Export gives the same shape back.
 */
@RestController
public class CalendarController {

    static final long MAX_FILE_BYTES = 256 * 1024;
    static final String NOT_NAMED = "Not named in the calendar";

    private final CommandGateway commands;
    private final ProgrammeQueries programmes;
    private final AuditQueries audits;

    public CalendarController(CommandGateway commands, ProgrammeQueries programmes, AuditQueries audits) {
        this.commands = commands;
        this.programmes = programmes;
        this.audits = audits;
    }

    /** One row's outcome: the audit it becomes, its planned dates as read, and its errors and warnings. */
    public record RowReport(int line, String name, String auditId, String kind, Map<Milestone, String> planned,
                            List<String> errors, List<String> warnings) {
    }

    /** The import's outcome: whether anything was entered (never when a row has an error), and each row's report. */
    public record ImportReport(String programmeId, String shape, boolean imported, boolean dryRun, List<String> errors,
                               List<RowReport> rows) {
    }

    @PostMapping(value = "/api/programmes/{programmeId}/calendar-import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an audit calendar (CSV in the shape of seed 001's calendar or seed 000's schedule)",
            description = "Validates every row first; with any error nothing is entered and the answer is 400 with the "
                    + "report per row (property 'report'). Otherwise records the programme (unless it exists; then the "
                    + "programme fields may be omitted) and plans each audit with its dates; importing the same file again "
                    + "changes nothing. dryRun=true only checks. Dates without a year take the year of the date before them "
                    + "in the row ('year' for the first, by default the programme's first year).")
    public ResponseEntity<Object> importCalendar(@PathVariable String programmeId,
                                                 @RequestPart("file") MultipartFile file,
                                                 @RequestParam(required = false) String partnership,
                                                 @RequestParam(required = false) String title,
                                                 @RequestParam(required = false) LocalDate periodStart,
                                                 @RequestParam(required = false) LocalDate periodEnd,
                                                 @RequestParam(required = false) LocalDate agreedOn,
                                                 @RequestParam(required = false) String agreedBy,
                                                 @RequestParam(required = false) Integer year,
                                                 @RequestParam(required = false) String leadOfficer,
                                                 @RequestParam(required = false) String agencies,
                                                 @RequestParam(defaultValue = "false") boolean dryRun) {
        List<String> errors = new ArrayList<>();
        if (!programmeId.matches(Patterns.ID)) {
            errors.add("programmeId " + Patterns.ID_MESSAGE + ".");
        }
        Map<String, String> programmeFields = new LinkedHashMap<>();
        programmeFields.put("partnership", partnership);
        programmeFields.put("title", title);
        programmeFields.put("agreedBy", agreedBy);
        boolean exists = errors.isEmpty() && programmes.exists(programmeId);
        if (!exists) {
            programmeFields.forEach((field, value) -> {
                if (value == null || value.isBlank()) {
                    errors.add(field + ": needed to record a new programme.");
                } else if (value.length() > ("title".equals(field) ? 200 : 120)) {
                    errors.add(field + ": too long.");
                }
            });
            if (periodStart == null || periodEnd == null || agreedOn == null) {
                errors.add("periodStart, periodEnd and agreedOn: needed to record a new programme.");
            } else if (periodEnd.isBefore(periodStart)) {
                errors.add("periodEnd: before periodStart.");
            }
        }
        String lead = leadOfficer == null || leadOfficer.isBlank() ? NOT_NAMED : leadOfficer.strip();
        if (lead.length() > 120) {
            errors.add("leadOfficer: at most 120 characters.");
        }
        List<String> agencyList = agencies == null ? List.of() : java.util.Arrays.stream(agencies.split(","))
                .map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
        agencyList.stream().filter(a -> !a.matches(Patterns.AGENCY))
                .forEach(a -> errors.add("agencies: '" + a + "' " + Patterns.AGENCY_MESSAGE + "."));
        int firstYear = year != null ? year : periodStart != null ? periodStart.getYear()
                : exists ? programmes.find(programmeId).map(ProgrammeView::periodStart).map(LocalDate::getYear).orElse(2000)
                : agreedOn != null ? agreedOn.getYear() : 0;
        if (firstYear < 2000 || firstYear > 2100) {
            errors.add("year: between 2000 and 2100.");
        }
        CalendarTable.Read read = read(file, firstYear, errors);
        List<RowReport> rows = new ArrayList<>();
        List<Object> toSend = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CalendarTable.Row row : read == null ? List.<CalendarTable.Row>of() : read.rows()) {
            List<String> rowErrors = new ArrayList<>(row.errors());
            String auditId = auditId(programmeId, row.name());
            if (!row.name().isEmpty() && !ids.add(auditId)) {
                rowErrors.add("The audit '" + row.name() + "' is in the file twice.");
            }
            if (row.section11() && agencyList.isEmpty()) {
                rowErrors.add("A Section 11 audit needs the agencies that self-assess: give them in 'agencies'.");
            }
            Object command = row.section11()
                    ? new PlanSection11Audit(auditId, programmeId, row.name(), List.of(), lead, timescale(row), agencyList,
                    row.planned().get(Milestone.TOOL_SENT), row.planned().get(Milestone.SIGNED_OFF), List.of())
                    : new PlanAudit(auditId, programmeId, row.name(), row.name(), List.of(), lead, timescale(row), List.of(),
                    List.of(), List.of(), row.planned().entrySet().stream()
                    .map(e -> new AuditPlanned.PlannedMilestone(e.getKey(), e.getValue())).toList(), List.of());
            if (rowErrors.isEmpty() && errors.isEmpty()) {
                audits.find(auditId).ifPresent(existing -> rowErrors.addAll(differences(existing, row, programmeId, lead,
                        agencyList)));
            }
            if (rowErrors.isEmpty()) {
                toSend.add(command);
            }
            Map<Milestone, String> planned = new LinkedHashMap<>();
            row.planned().forEach((m, d) -> planned.put(m, ProgrammeQueries.text(d)));
            rows.add(new RowReport(row.line(), row.name(), auditId, row.section11() ? "SECTION_11" : "THEMED", planned,
                    rowErrors, row.warnings()));
        }
        boolean valid = errors.isEmpty() && rows.stream().allMatch(r -> r.errors().isEmpty());
        String shape = read == null || read.shape() == null ? null : read.shape().name();
        if (!valid) {
            ImportReport report = new ImportReport(programmeId, shape, false, dryRun, errors, rows);
            long bad = rows.stream().filter(r -> !r.errors().isEmpty()).count();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    (errors.isEmpty() ? "" : String.join(" ", errors) + " ") + bad + " of " + rows.size()
                            + " rows have errors; nothing was imported.");
            problem.setType(URI.create("urn:maap:problem:validation"));
            problem.setTitle("The calendar cannot be imported");
            List<Map<String, String>> fieldErrors = new ArrayList<>();
            errors.forEach(e -> fieldErrors.add(Map.of("field", "file", "message", e)));
            rows.forEach(r -> r.errors().forEach(e -> fieldErrors.add(Map.of("field", "rows[" + r.line() + "]",
                    "message", "Row " + r.line() + " (" + r.name() + "): " + e))));
            problem.setProperty("errors", fieldErrors);
            problem.setProperty("report", report);
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        if (!dryRun) {
            if (!exists) {
                commands.sendAndWait(new AgreeProgramme(programmeId, partnership.strip(), title.strip(), periodStart,
                        periodEnd, agreedOn, agreedBy.strip()));
            }
            toSend.forEach(commands::sendAndWait);
        }
        return ResponseEntity.ok(new ImportReport(programmeId, shape, !dryRun, dryRun, List.of(), rows));
    }

    @GetMapping(value = "/api/programmes/{programmeId}/calendar.csv", produces = "text/csv")
    @Operation(summary = "Export a programme's audits in the shape of seed 001's calendar (shape=CALENDAR) or seed 000's "
            + "schedule (shape=SCHEDULE, the default), with their planned dates")
    public ResponseEntity<String> export(@PathVariable String programmeId,
                                         @RequestParam(defaultValue = "SCHEDULE") CalendarTable.Shape shape) {
        ProgrammeView programme = programmes.find(programmeId)
                .orElseThrow(() -> new NotFoundException("No programme '" + programmeId + "'."));
        List<CalendarTable.Line> lines = programme.audits().stream()
                .map(summary -> audits.find(summary.auditId()).orElse(null))
                .filter(Objects::nonNull)
                .map(CalendarController::line)
                .sorted(java.util.Comparator.comparing((CalendarTable.Line l) -> l.planned().get(Milestone.TOOL_SENT) == null
                        ? LocalDate.MAX : l.planned().get(Milestone.TOOL_SENT).date()).thenComparing(CalendarTable.Line::name))
                .toList();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(programmeId + "-" + shape.name().toLowerCase(Locale.UK) + ".csv").build().toString())
                .body(CalendarTable.write(shape, lines));
    }

    /** The audit's line: its plan as agreed (the baseline), as the calendar the partnership typed gave it. */
    static CalendarTable.Line line(AuditView audit) {
        Map<Milestone, PlannedDate> planned = new LinkedHashMap<>();
        for (AuditView.MilestoneDates m : audit.milestones) {
            PlannedDate date = m.baseline() != null ? m.baseline() : m.planned();
            if (date != null) {
                planned.put(m.milestone(), date);
            }
        }
        return new CalendarTable.Line(audit.title, "SECTION_11".equals(audit.kind), planned);
    }

    private static List<String> differences(AuditView existing, CalendarTable.Row row, String programmeId, String lead,
                                            List<String> agencies) {
        List<String> differences = new ArrayList<>();
        if (!programmeId.equals(existing.programmeId)) {
            differences.add("The audit id '" + existing.auditId + "' is taken by programme '" + existing.programmeId + "'.");
            return differences;
        }
        if (!(row.section11() ? "SECTION_11" : "THEMED").equals(existing.kind)) {
            differences.add("Already entered as a " + ("SECTION_11".equals(existing.kind) ? "Section 11" : "themed") + " audit.");
            return differences;
        }
        CalendarTable.Line entered = line(existing);
        if (!entered.planned().equals(row.planned()) || !Objects.equals(existing.leadOfficer, lead)
                || !Objects.equals(existing.timescale, timescale(row))
                || row.section11() && !new HashSet<>(existing.participatingAgencies).equals(new HashSet<>(agencies))) {
            differences.add("Already entered with other details (dates, lead officer or agencies); nothing was imported. "
                    + "Change an entered audit on its own page (moving a milestone records who and why).");
        }
        return differences;
    }

    private CalendarTable.Read read(MultipartFile file, int year, List<String> errors) {
        if (file.isEmpty()) {
            errors.add("file: the file is empty.");
            return null;
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            errors.add("file: at most " + MAX_FILE_BYTES / 1024 + " KB.");
            return null;
        }
        try {
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            String text = decoder.decode(java.nio.ByteBuffer.wrap(file.getBytes())).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            CalendarTable.Read read = CalendarTable.read(new java.io.StringReader(text), year);
            if (read.fileError() != null) {
                errors.add("file: " + read.fileError());
            }
            return read;
        } catch (CharacterCodingException e) {
            errors.add("file: not UTF-8 text.");
            return null;
        } catch (IOException e) {
            errors.add("file: could not be read.");
            return null;
        }
    }

    /** The audit's id: the programme's, then the audit's name in lower case letters and digits (64 characters at most). */
    static String auditId(String programmeId, String name) {
        String slug = name.toLowerCase(Locale.UK).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        String id = programmeId + "-" + slug;
        return id.length() <= 64 ? id.replaceAll("-+$", "") : id.substring(0, 64).replaceAll("-+$", "");
    }

    /** The span of the row's dates, as the programme words dates: "18 January 2016 to 31 March 2017". */
    static String timescale(CalendarTable.Row row) {
        List<PlannedDate> dates = row.planned().values().stream().sorted(java.util.Comparator.comparing(PlannedDate::date)).toList();
        if (dates.isEmpty()) {
            return "Not stated";
        }
        String first = ProgrammeQueries.text(dates.get(0));
        String last = ProgrammeQueries.text(dates.get(dates.size() - 1));
        return first.equals(last) ? first : first + " to " + last;
    }
}
