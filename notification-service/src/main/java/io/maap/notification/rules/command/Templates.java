package io.maap.notification.rules.command;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every message's words, in one place: plain English in GOV.UK style (short sentences, dates as
 * "3 December 2026", no jargon), and only pseudonymised case references, counts, dates and a link
 * to the dashboard. No case content, names or free text ever reach a template: the rules pass none.
 */
public final class Templates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private record Template(String subject, String body, String dashboardPath) {
    }

    private static final Map<Kind, Template> TEMPLATES = new EnumMap<>(Kind.class);

    static {
        TEMPLATES.put(Kind.TOOL_SENT, new Template("Audit tool: returns due by {deadline}",
                "Your agency has been asked for returns for the multi-agency audit {audit}.\n\n"
                        + "Cases ({caseCount}):\n{caseReferences:list}\n\n"
                        + "Send a return for each case by {deadline}. We will remind you on {reminderDate} if any are still to come.",
                "/audits/{auditId}"));
        TEMPLATES.put(Kind.REMINDER, new Template("Reminder: {caseCount} returns due by {deadline}",
                "We are still waiting for returns for these cases:\n{caseReferences:list}\n\n"
                        + "They are due by {deadline}.", "/audits/{auditId}"));
        TEMPLATES.put(Kind.OVERDUE_DIGEST, new Template("Overdue: {caseCount} returns were due on {deadline}",
                "Returns for these cases were due on {deadline} and have not arrived:\n{caseReferences:list}\n\n"
                        + "They are overdue from {overdueFrom}. Send them as soon as you can, or ask the QA coordinator for more time.",
                "/audits/{auditId}"));
        TEMPLATES.put(Kind.SENT_BACK, new Template("Return sent back: case {caseReference}",
                "The QA coordinator has sent back the return for case {caseReference}, giving {reasonCount} reasons.\n\n"
                        + "Read the reasons on the dashboard and send a new version by {resubmissionDue}.",
                "/audits/{auditId}"));
        TEMPLATES.put(Kind.EXTENSION_GRANTED, new Template("More time: case {caseReference} now due by {deadline}",
                "The deadline for the return for case {caseReference} has moved from {previousDeadline} to {deadline}.",
                "/audits/{auditId}"));
        TEMPLATES.put(Kind.SAFEGUARDING_CONCERN, new Template("URGENT: safeguarding concern for case {caseReference}",
                "A safeguarding concern was raised on {raisedOn} while auditing case {caseReference}.\n\n"
                        + "Act on it today and acknowledge it on the dashboard.", "/safeguarding-concerns"));
        TEMPLATES.put(Kind.SAFEGUARDING_ESCALATION, new Template("URGENT: safeguarding concern not acknowledged, case {caseReference}",
                "A safeguarding concern raised on {raisedOn} for case {caseReference} has not been acknowledged by {agency} "
                        + "within one working day.\n\nFollow it up with the agency today.", "/safeguarding-concerns"));
        TEMPLATES.put(Kind.CHALLENGE_DAY_SCHEDULED, new Template("Challenge day on {challengeDay}",
                "The challenge day for audit {auditId} will be on {challengeDay}. Please make sure your agency is represented.",
                "/audits/{auditId}"));
        TEMPLATES.put(Kind.CHALLENGE_DAY_MOVED, new Template("Challenge day moved to {challengeDay}",
                "The challenge day for audit {auditId} has moved. It is now on {challengeDay}.", "/audits/{auditId}"));
        TEMPLATES.put(Kind.CHALLENGE_DAY_AGENDA_SENT, new Template("Agenda sent for the challenge day on {challengeDay}",
                "The agenda for the challenge day for audit {auditId} on {challengeDay} was sent on {agendaSentOn}. "
                        + "If your agency has not received it, ask the QA coordinator.", "/audits/{auditId}"));
        TEMPLATES.put(Kind.ACTION_PLAN_DISSEMINATED, new Template("Action plan: {actionCount} actions for your agency",
                "The action plan for audit {auditId} has been agreed and shared. Your agency owns {actionCount} actions:\n"
                        + "{actionIds:list}\n\nThe first is due by {firstDueDate}.", "/audits/{auditId}/learning"));
        TEMPLATES.put(Kind.ACTION_UPDATE_REQUESTED, new Template("Update needed on action {actionId} by {updateDueBy}",
                "Please give an update on action {actionId} by {updateDueBy}.", "/audits/{auditId}/learning"));
        TEMPLATES.put(Kind.ACTION_UPDATE_MISSED, new Template("Update missed: action {actionId}",
                "The update on action {actionId} was due by {updateDueBy} and has not arrived.", "/audits/{auditId}/learning"));
        TEMPLATES.put(Kind.ACTION_OVERDUE, new Template("Overdue: action {actionId} was due on {dueDate}",
                "Action {actionId} was due to be completed on {dueDate} and is not closed.", "/audits/{auditId}/learning"));
    }

    private final String dashboardUrl;

    public Templates(String dashboardUrl) {
        this.dashboardUrl = dashboardUrl.endsWith("/") ? dashboardUrl.substring(0, dashboardUrl.length() - 1) : dashboardUrl;
    }

    public Message render(Kind kind, Map<String, String> params, boolean urgent) {
        Template template = TEMPLATES.get(kind);
        String link = dashboardUrl + fill(template.dashboardPath(), params, Function.identity());
        String body = fill(template.body(), params, Function.identity()) + "\n\nSee it on the dashboard: " + link
                + "\n\nThis message was sent by the Multi-Agency Audit Platform. Do not reply to it.";
        return new Message(fill(template.subject(), params, Function.identity()), body, urgent);
    }

    public String subject(Kind kind, Map<String, String> params) {
        return fill(TEMPLATES.get(kind).subject(), params, Function.identity());
    }

    /** Example facts for each kind, for the preview. */
    public static Map<String, String> example(Kind kind) {
        Map<String, String> example = new LinkedHashMap<>();
        example.put("audit", "Neglect");
        example.put("auditId", "redbridge-2017-18-neglect");
        example.put("caseReferences", "RB-0001, RB-0002, RB-0003");
        example.put("caseCount", "3");
        example.put("deadline", "2017-10-20");
        example.put("previousDeadline", "2017-10-13");
        example.put("reminderDate", "2017-10-06");
        example.put("overdueFrom", "2017-10-23");
        example.put("caseReference", "RB-0002");
        example.put("reasonCount", "2");
        example.put("resubmissionDue", "2017-10-27");
        example.put("raisedOn", "2017-10-10");
        example.put("agency", "met-police");
        example.put("challengeDay", "2017-11-16");
        example.put("agendaSentOn", "2017-11-14");
        example.put("planId", "redbridge-2017-18-neglect-plan");
        example.put("actionIds", "act-1, act-2");
        example.put("actionCount", "2");
        example.put("firstDueDate", "2018-03-31");
        example.put("actionId", "act-1");
        example.put("updateDueBy", "2018-01-15");
        example.put("dueDate", "2018-03-31");
        return example;
    }

    private static String fill(String text, Map<String, String> params, Function<String, String> escape) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            if (open < 0) {
                out.append(text, i, text.length());
                break;
            }
            int close = text.indexOf('}', open);
            out.append(text, i, open);
            String name = text.substring(open + 1, close);
            boolean list = name.endsWith(":list");
            String key = list ? name.substring(0, name.length() - ":list".length()) : name;
            String value = params.getOrDefault(key, "");
            out.append(escape.apply(list ? bullets(value) : looksLikeDate(value) ? readable(value) : value));
            i = close + 1;
        }
        return out.toString();
    }

    private static String bullets(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",\\s*")).filter(s -> !s.isBlank()).map(s -> "* " + s)
                .collect(Collectors.joining("\n"));
    }

    private static boolean looksLikeDate(String value) {
        return value.matches("\\d{4}-\\d{2}-\\d{2}");
    }

    private static String readable(String isoDate) {
        return LocalDate.parse(isoDate).format(DATE);
    }

    public static List<Kind> kinds() {
        return List.copyOf(TEMPLATES.keySet());
    }
}
