package io.maap.notification.rules.command;

import io.maap.support.calendar.WorkingDayCalendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The dated checks on return requests, run by the service's scheduled check with today's date:
 * the reminder on the reminder date, and the overdue digest on the first working day after the
 * deadline. Each groups an agency's requests of one audit and date into one message; its source
 * names the audit, agency and date, so it is sent once however often the check runs. A check that
 * finds a date more than {@code catchUpWorkingDays} behind (a service started long after) sends nothing.
 */
public final class ReturnDates {

    private final WorkingDayCalendar calendar;
    private final int catchUpWorkingDays;

    public ReturnDates(WorkingDayCalendar calendar, int catchUpWorkingDays) {
        this.calendar = calendar;
        this.catchUpWorkingDays = catchUpWorkingDays;
    }

    /** The SPOC is reminded of the requests still awaiting a return, from the reminder date until the deadline. */
    public List<Planned> remindersDue(LocalDate today, Collection<RequestFacts> requests) {
        Predicate<RequestFacts> due = r -> r.awaiting() && r.reminderDate() != null && !today.isBefore(r.reminderDate())
                && !today.isAfter(r.dueDate()) && withinCatchUp(r.reminderDate(), today);
        return grouped(requests, due, RequestFacts::reminderDate, (key, group) -> new Planned(
                "reminder:" + key.auditId() + ":" + key.agency() + ":" + key.date(), Kind.REMINDER,
                List.of(Recipient.spoc(key.agency())), key.programmeId(), key.agency(), key.auditId(), false,
                params(group, Map.of("deadline", group.get(0).dueDate().toString()))));
    }

    /** On the first working day after the deadline, one digest of the agency's missing returns to its SPOC and the QA coordinator. */
    public List<Planned> overdueDigestsDue(LocalDate today, Collection<RequestFacts> requests) {
        Predicate<RequestFacts> due = r -> r.awaiting() && !today.isBefore(overdueFrom(r.dueDate()))
                && withinCatchUp(overdueFrom(r.dueDate()), today);
        return grouped(requests, due, RequestFacts::dueDate, (key, group) -> new Planned(
                "overdue:" + key.auditId() + ":" + key.agency() + ":" + key.date(), Kind.OVERDUE_DIGEST,
                List.of(Recipient.spoc(key.agency()), Recipient.qaCoordinator()), key.programmeId(), key.agency(),
                key.auditId(), false, params(group, Map.of("deadline", key.date().toString(),
                        "overdueFrom", overdueFrom(key.date()).toString()))));
    }

    public LocalDate overdueFrom(LocalDate dueDate) {
        return calendar.addWorkingDays(dueDate, 1);
    }

    private boolean withinCatchUp(LocalDate date, LocalDate today) {
        return calendar.workingDaysBetween(date, today) <= catchUpWorkingDays;
    }

    private record Group(String auditId, String programmeId, String agency, LocalDate date) {
    }

    private static List<Planned> grouped(Collection<RequestFacts> requests, Predicate<RequestFacts> due,
                                         Function<RequestFacts, LocalDate> date,
                                         java.util.function.BiFunction<Group, List<RequestFacts>, Planned> plan) {
        Map<Group, List<RequestFacts>> groups = requests.stream().filter(due).collect(Collectors.groupingBy(
                r -> new Group(r.auditId(), r.programmeId(), r.agency(), date.apply(r)),
                () -> new TreeMap<>(java.util.Comparator.comparing(Group::auditId).thenComparing(Group::agency)
                        .thenComparing(Group::date)), Collectors.toList()));
        return groups.entrySet().stream().map(e -> plan.apply(e.getKey(), e.getValue())).toList();
    }

    private static Map<String, String> params(List<RequestFacts> group, Map<String, String> more) {
        Map<String, String> params = new java.util.HashMap<>(more);
        params.put("auditId", group.get(0).auditId());
        params.put("caseReferences", Facts.list(group.stream().map(RequestFacts::caseReference).toList()));
        params.put("caseCount", Integer.toString(group.size()));
        return params;
    }
}
