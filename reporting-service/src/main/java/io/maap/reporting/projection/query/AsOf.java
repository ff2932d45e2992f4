package io.maap.reporting.projection.query;

import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The position on a date ("as of"), read from the business dates the read models hold: a return
 * requested by then and received by then (its first submission), an action added by then and open
 * then (its last closure or reopening on or before the date), a milestone reached by then. Nothing
 * is replayed: the live documents are read as they stood on that date. Beside it, "as at" an
 * instant ({@link AsAtViews}) replays what had been recorded by then.
 * <p>
 * What the read models do not date is taken as it is now: a return's send-backs and deadline
 * extensions, a finding's or plan's later changes.
 */
public final class AsOf {

    private AsOf() {
    }

    /** Whether the document's date field holds a day on or before {@code asOf}. */
    public static boolean happenedBy(Document document, String field, LocalDate asOf) {
        LocalDate date = Documents.date(document, field);
        return date != null && !date.isAfter(asOf);
    }

    /** A return request as it stood on the date, or null when it had not been requested yet. */
    public static Document returnRequest(Document request, LocalDate asOf) {
        if (!happenedBy(request, "requestedOn", asOf)) {
            return null;
        }
        if (happenedBy(request, "firstSubmittedOn", asOf)) {
            return request;
        }
        Document then = new Document(request);
        then.put("received", false);
        then.put("nil", false);
        then.put("awaitingAgency", true);
        then.put("status", "AWAITING");
        then.put("sentBackCount", 0);
        then.put("firstSubmittedOn", null);
        then.put("firstWorkingDaysLate", null);
        if (!Documents.flag(request, "extended") && request.get("originalDueDate") != null) {
            then.put("dueDate", request.get("originalDueDate"));
        }
        return then;
    }

    /**
     * An action as it stood on the date, or null when it had not been added yet: open unless its
     * last closure or reopening by then was a closure; its RAG the last one reported by then; its
     * history what had happened by then.
     */
    public static Document action(Document action, LocalDate asOf) {
        if (!happenedBy(action, "addedOn", asOf)) {
            return null;
        }
        Document then = new Document(action);
        List<Document> history = new ArrayList<>();
        boolean open = true;
        String rag = null;
        String closedOn = null;
        for (Document entry : action.getList("history", Document.class, List.of())) {
            if (LocalDate.parse(entry.getString("on")).isAfter(asOf)) {
                continue;
            }
            history.add(entry);
            switch (entry.getString("kind")) {
                case "CLOSED" -> {
                    open = false;
                    closedOn = entry.getString("on");
                }
                case "REOPENED" -> {
                    open = true;
                    closedOn = null;
                }
                case "PROGRESS" -> rag = entry.getString("rag");
                default -> {
                }
            }
        }
        then.put("history", history);
        then.put("open", open);
        then.put("rag", rag);
        then.put("closedOn", closedOn);
        return then;
    }

    /**
     * A safeguarding concern as it stood on the date, or null when it had not been raised yet: open
     * unless the agency had acknowledged it by then (both instants read as days in {@code zone}).
     */
    public static Document concern(Document concern, LocalDate asOf, ZoneId zone) {
        if (!onOrBefore(concern.getString("raisedAt"), asOf, zone)) {
            return null;
        }
        if (concern.getString("acknowledgedAt") == null || onOrBefore(concern.getString("acknowledgedAt"), asOf, zone)) {
            return concern;
        }
        Document then = new Document(concern);
        then.put("open", true);
        then.put("acknowledgedBy", null);
        then.put("acknowledgedAt", null);
        then.put("response", null);
        return then;
    }

    private static boolean onOrBefore(String instant, LocalDate asOf, ZoneId zone) {
        return instant != null && !LocalDate.ofInstant(Instant.parse(instant), zone).isAfter(asOf);
    }

    /** The stage each milestone brings an audit to, in lifecycle order (themed and Section 11 audits). */
    private static final Map<String, String> STAGES = new LinkedHashMap<>();

    static {
        STAGES.put("TOOL_SENT", "COMMISSIONED");
        STAGES.put("RETURNS_CLOSED", "RETURNS_CLOSED");
        STAGES.put("ANALYSED", "ANALYSED");
        STAGES.put("CHALLENGE_DAY", "CHALLENGE_DAY_HELD");
        STAGES.put("REPORT_DRAFTED", "REPORT_DRAFTED");
        STAGES.put("ACTION_PLANS_PRESENTED", "ACTION_PLANS_PRESENTED");
        STAGES.put("SIGNED_OFF", "SIGNED_OFF");
        STAGES.put("MONITORING_STARTED", "MONITORING");
        STAGES.put("CLOSED", "CLOSED");
    }

    /**
     * An audit as it stood on the date: a milestone reached later is not reached yet, and its stage
     * is that of the last milestone reached by then (planned before any).
     */
    public static Document audit(Document audit, LocalDate asOf) {
        Document milestones = audit.get("milestones", Document.class);
        if (milestones == null) {
            return audit;
        }
        Document thenMilestones = new Document();
        milestones.forEach((name, value) -> {
            Document milestone = new Document((Document) value);
            if (milestone.get("actual") != null && !happenedBy(milestone, "actual", asOf)) {
                milestone.remove("actual");
            }
            thenMilestones.put(name, milestone);
        });
        Document then = new Document(audit);
        then.put("milestones", thenMilestones);
        boolean section11 = "SECTION_11".equals(audit.getString("kind"));
        String stage = "PLANNED";
        for (Map.Entry<String, String> milestone : STAGES.entrySet()) {
            Document reached = thenMilestones.get(milestone.getKey(), Document.class);
            if (reached != null && reached.get("actual") != null && !(section11 && milestone.getKey().equals("TOOL_SENT"))) {
                stage = milestone.getValue();
            }
        }
        then.put("stage", stage);
        return then;
    }
}
