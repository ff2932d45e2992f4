package io.maap.auditprogramme.programme.query;

import io.maap.auditprogramme.audit.query.AuditRecords;
import io.maap.auditprogramme.audit.query.AuditView;
import io.maap.events.auditprogramme.Milestone;
import io.maap.events.auditprogramme.PlannedDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads programmes with their audits and schedule from the query tables, never from aggregates. */
@Service
@Transactional(readOnly = true)
public class ProgrammeQueries {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private final ProgrammeRecords programmes;
    private final AuditRecords audits;

    public ProgrammeQueries(ProgrammeRecords programmes, AuditRecords audits) {
        this.programmes = programmes;
        this.audits = audits;
    }

    public boolean exists(String programmeId) {
        return programmes.existsById(programmeId);
    }

    public Optional<ProgrammeView> find(String programmeId) {
        return programmes.findById(programmeId).map(p -> {
            List<AuditView> views = audits.findByProgrammeIdOrderByAuditId(programmeId).stream()
                    .map(r -> r.view())
                    .sorted(Comparator.comparing(ProgrammeQueries::commenceDate, Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
            return new ProgrammeView(p.programmeId(), p.partnership(), p.title(), p.periodStart(), p.periodEnd(),
                    p.agreedOn(), p.agreedBy(),
                    views.stream().map(v -> new ProgrammeView.AuditSummary(v.auditId, v.kind, v.title, v.theme, v.status,
                            v.businessPlanPriorities, v.leadOfficer, v.timescale)).toList(),
                    views.stream().map(ProgrammeQueries::scheduleRow).toList());
        });
    }

    private static java.time.LocalDate commenceDate(AuditView view) {
        PlannedDate planned = view.milestone(Milestone.TOOL_SENT).planned();
        return planned == null ? null : planned.date();
    }

    private static ProgrammeView.ScheduleRow scheduleRow(AuditView view) {
        return new ProgrammeView.ScheduleRow(view.auditId, view.title,
                scheduleDate(view.milestone(Milestone.TOOL_SENT)),
                scheduleDate(view.milestone(Milestone.CHALLENGE_DAY)),
                scheduleDate(view.milestone(Milestone.SIGNED_OFF)));
    }

    private static ProgrammeView.ScheduleDate scheduleDate(AuditView.MilestoneDates dates) {
        if (dates.planned() == null && dates.actual() == null) {
            return null;
        }
        return new ProgrammeView.ScheduleDate(dates.planned(), text(dates.planned()), dates.actual());
    }

    /** The date as a programme document words it: "3 April 2017", "W/C 22 May 2017", "September 2017". */
    public static String text(PlannedDate planned) {
        if (planned == null) {
            return null;
        }
        return switch (planned.precision()) {
            case DAY -> DAY.format(planned.date());
            case WEEK_COMMENCING -> "W/C " + DAY.format(planned.date());
            case MONTH -> MONTH.format(planned.date());
        };
    }
}
