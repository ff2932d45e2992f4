package io.maap.dashboard.learning.web;

import io.maap.dashboard.config.ServiceClients;
import io.maap.dashboard.page.web.Api;
import io.maap.dashboard.page.web.ApiProblem;
import io.maap.dashboard.page.web.AsAt;
import io.maap.dashboard.page.web.FormErrors;
import io.maap.dashboard.page.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings, action plans and actions: the action tracker (reporting-service) and the forms of
 * the challenge day and of monitoring (action-plan-service).
 */
@Controller
public class LearningPagesController {

    private static final Map<String, String> FINDING_FIELDS = Map.of("aspect", "aspect", "aspect-unknown", "aspect",
            "kind", "kind", "agencies", "agencies", "agency-not-participating", "agencies", "references", "references",
            "summary", "summary", "recommendation", "recommendation", "recordedBy", "recordedBy");
    private static final Map<String, String> ACTION_FIELDS = Map.ofEntries(Map.entry("description", "description"),
            Map.entry("owningAgency", "owningAgency"), Map.entry("action-owner-outside-plan", "owningAgency"),
            Map.entry("agency-not-participating", "owningAgency"), Map.entry("lead", "lead"),
            Map.entry("dueDate", "dueDate-day"), Map.entry("due-date-in-the-past", "dueDate-day"),
            Map.entry("addressesFindings", "addressesFindings"), Map.entry("finding-unknown", "addressesFindings"),
            Map.entry("successMeasure", "successMeasure"), Map.entry("title", "description"), Map.entry("draftedBy", "lead"));
    private static final Map<String, String> PROGRESS_FIELDS = Map.of("rag", "rag", "note", "note", "reportedBy", "reportedBy");
    private static final Map<String, String> CLOSURE_FIELDS = Map.of("evidenceOfImpact", "evidenceOfImpact",
            "evidence-of-impact-required", "evidenceOfImpact", "closedBy", "closedBy", "boardMeeting", "boardMeeting",
            "board-meeting-required", "boardMeeting");

    private final RestClient actionPlans;
    private final RestClient reporting;
    private final RestClient auditProgramme;

    public LearningPagesController(ServiceClients clients) {
        this.actionPlans = clients.actionPlans();
        this.reporting = clients.reporting();
        this.auditProgramme = clients.auditProgramme();
    }

    @GetMapping("/actions")
    String tracker(@RequestParam(required = false) String programmeId, @RequestParam(required = false) String auditId,
                   @RequestParam(required = false) String agency, @RequestParam(required = false) String open,
                   AsAt asAt, Model model) {
        model.addAttribute("programmeId", blank(programmeId));
        model.addAttribute("auditId", blank(auditId));
        model.addAttribute("agency", blank(agency));
        model.addAttribute("open", blank(open));
        if (asAt.error() == null) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/actions").queryParam("size", 500);
            Map.of("programmeId", blank(programmeId), "auditId", blank(auditId), "agency", blank(agency), "open", blank(open))
                    .forEach((name, value) -> {
                        if (!value.isEmpty()) {
                            uri.queryParam(name, value);
                        }
                    });
            if (asAt.instant() != null) {
                uri.queryParam("asAt", asAt.instant().toString());
            }
            if (asAt.asOfDate() != null) {
                uri.queryParam("asOf", asAt.asOfDate().toString());
            }
            model.addAttribute("actions", Api.object(reporting, uri.build().toUriString()));
        }
        return "actions";
    }

    /** What the challenge day found and what is being done: findings and plans with their actions. */
    @GetMapping("/audits/{auditId}/learning")
    String learning(@PathVariable String auditId, Model model) {
        model.addAttribute("auditId", auditId);
        model.addAttribute("audit", Api.find(actionPlans, "/api/audits/{a}", auditId).orElse(null));
        if (model.getAttribute("audit") != null) {
            model.addAttribute("findings", Api.list(actionPlans, "/api/audits/{a}/findings", auditId));
            model.addAttribute("plans", Api.list(actionPlans, "/api/audits/{a}/action-plans", auditId));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        return "learning";
    }

    @GetMapping("/audits/{auditId}/findings/new")
    String newFinding(@PathVariable String auditId, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("findingId", Forms.newId("finding"));
        return findingForm(auditId, form, List.of(), FormErrors.none(), model);
    }

    @PostMapping("/audits/{auditId}/findings")
    String recordFinding(@PathVariable String auditId, @RequestParam MultiValueMap<String, String> params, Model model) {
        Map<String, String> form = params.toSingleValueMap();
        List<String> agencies = Forms.all(params, "agencies");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("findingId", Forms.text(form, "findingId"));
        body.put("aspect", Forms.text(form, "aspect"));
        body.put("kind", Forms.text(form, "kind"));
        body.put("agencies", agencies);
        body.put("references", Forms.lines(form, "references"));
        body.put("summary", Forms.text(form, "summary"));
        body.put("recommendation", Forms.text(form, "recommendation"));
        body.put("recordedBy", Forms.text(form, "recordedBy"));
        try {
            Api.post(actionPlans, body, "/api/audits/{a}/findings", auditId);
        } catch (ApiProblem problem) {
            return findingForm(auditId, form, agencies, FormErrors.from(problem, FINDING_FIELDS), model);
        }
        return "redirect:/audits/" + auditId + "/learning?done=finding";
    }

    private String findingForm(String auditId, Map<String, String> form, List<String> chosenAgencies, FormErrors errors, Model model) {
        model.addAttribute("auditId", auditId);
        model.addAttribute("form", form);
        model.addAttribute("chosenAgencies", chosenAgencies);
        model.addAttribute("errors", errors);
        model.addAttribute("aspects", Api.list(actionPlans, "/api/finding-aspects"));
        model.addAttribute("participating", participatingAgencies(auditId));
        return "finding-form";
    }

    @GetMapping("/audits/{auditId}/actions/new")
    String newAction(@PathVariable String auditId, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("actionId", Forms.newId("action"));
        return actionForm(auditId, form, List.of(), FormErrors.none(), model);
    }

    /**
     * Adds an action to the audit's own plan, drafting the plan first if the audit has none; a
     * plan already agreed takes no more actions (the service says so beside the form).
     */
    @PostMapping("/audits/{auditId}/actions")
    String addAction(@PathVariable String auditId, @RequestParam MultiValueMap<String, String> params, Model model) {
        Map<String, String> form = params.toSingleValueMap();
        List<String> findings = Forms.all(params, "addressesFindings");
        FormErrors errors = FormErrors.none();
        LocalDate due = Forms.date(form, "dueDate", "the date the action is due", true, errors);
        if (errors.any()) {
            return actionForm(auditId, form, findings, errors, model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actionId", Forms.text(form, "actionId"));
        body.put("description", Forms.text(form, "description"));
        body.put("owningAgency", Forms.text(form, "owningAgency"));
        body.put("lead", Forms.text(form, "lead"));
        body.put("dueDate", due);
        body.put("addressesFindings", findings);
        body.put("successMeasure", Forms.text(form, "successMeasure"));
        try {
            String planId = auditPlan(auditId, Forms.text(form, "lead"));
            Api.post(actionPlans, body, "/api/audits/{a}/action-plans/{p}/actions", auditId, planId);
        } catch (ApiProblem problem) {
            return actionForm(auditId, form, findings, FormErrors.from(problem, ACTION_FIELDS), model);
        }
        return "redirect:/audits/" + auditId + "/learning?done=action";
    }

    /** The audit's plan (not an agency's own), drafted now if there is none. */
    private String auditPlan(String auditId, String draftedBy) {
        for (Map<String, Object> plan : Api.list(actionPlans, "/api/audits/{a}/action-plans", auditId)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> details = (Map<String, Object>) plan.get("plan");
            if (details.get("agency") == null) {
                return details.get("planId").toString();
            }
        }
        String planId = "plan-" + auditId;
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("planId", planId);
        draft.put("title", "Action plan of audit " + auditId);
        draft.put("draftedBy", draftedBy);
        Api.post(actionPlans, draft, "/api/audits/{a}/action-plans", auditId);
        return planId;
    }

    private String actionForm(String auditId, Map<String, String> form, List<String> chosenFindings, FormErrors errors, Model model) {
        model.addAttribute("auditId", auditId);
        model.addAttribute("form", form);
        model.addAttribute("chosenFindings", chosenFindings);
        model.addAttribute("errors", errors);
        model.addAttribute("findings", Api.list(actionPlans, "/api/audits/{a}/findings", auditId));
        model.addAttribute("participating", participatingAgencies(auditId));
        return "action-form";
    }

    @PostMapping("/audits/{auditId}/action-plans/{planId}/agreement")
    String agree(@PathVariable String auditId, @PathVariable String planId, @RequestParam Map<String, String> form, Model model) {
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("agreedBy", form.getOrDefault("agreedBy-" + planId, ""));
            body.put("boardMeeting", Forms.text(form, "boardMeeting-" + planId));
            Api.post(actionPlans, body, "/api/audits/{a}/action-plans/{p}/agreement", auditId, planId);
        } catch (ApiProblem problem) {
            model.addAttribute("errors", FormErrors.from(problem, Map.of("agreedBy", "agreedBy-" + planId,
                    "action-plan-empty", "agreedBy-" + planId, "boardMeeting", "boardMeeting-" + planId,
                    "board-meeting-required", "boardMeeting-" + planId)));
            return learning(auditId, model);
        }
        return "redirect:/audits/" + auditId + "/learning?done=agreed";
    }

    @GetMapping("/audits/{auditId}/actions/{actionId}")
    String action(@PathVariable String auditId, @PathVariable String actionId, Model model) {
        return actionPage(auditId, actionId, Map.of(), FormErrors.none(), model);
    }

    @PostMapping("/audits/{auditId}/actions/{actionId}/progress-updates")
    String progress(@PathVariable String auditId, @PathVariable String actionId, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("updateId", Forms.text(form, "updateId"));
        body.put("rag", Forms.text(form, "rag"));
        body.put("note", Forms.text(form, "note"));
        body.put("reportedBy", Forms.text(form, "reportedBy"));
        try {
            Api.post(actionPlans, body, "/api/audits/{a}/actions/{x}/progress-updates", auditId, actionId);
        } catch (ApiProblem problem) {
            return actionPage(auditId, actionId, form, FormErrors.from(problem, PROGRESS_FIELDS), model);
        }
        return "redirect:/audits/" + auditId + "/actions/" + actionId + "?done=progress";
    }

    @PostMapping("/audits/{auditId}/actions/{actionId}/closure")
    String close(@PathVariable String auditId, @PathVariable String actionId, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("evidenceOfImpact", Forms.text(form, "evidenceOfImpact"));
        body.put("closedBy", Forms.text(form, "closedBy"));
        body.put("boardMeeting", Forms.text(form, "boardMeeting"));
        try {
            Api.post(actionPlans, body, "/api/audits/{a}/actions/{x}/closure", auditId, actionId);
        } catch (ApiProblem problem) {
            return actionPage(auditId, actionId, form, FormErrors.from(problem, CLOSURE_FIELDS), model);
        }
        return "redirect:/audits/" + auditId + "/actions/" + actionId + "?done=closed";
    }

    /** The owning agency's lead officer proposes closure with evidence of impact; the partnership confirms or returns it. */
    @PostMapping("/audits/{auditId}/actions/{actionId}/closure-proposal")
    String proposeClosure(@PathVariable String auditId, @PathVariable String actionId, @RequestParam Map<String, String> form,
                          Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("evidenceOfImpact", Forms.text(form, "proposalEvidence"));
        body.put("proposedBy", Forms.text(form, "proposedBy"));
        return closureStep(auditId, actionId, form, model, body, "/closure-proposal", "proposed",
                Map.of("evidenceOfImpact", "proposalEvidence", "proposedBy", "proposedBy"));
    }

    @PostMapping("/audits/{auditId}/actions/{actionId}/closure-proposal/confirmation")
    String confirmClosure(@PathVariable String auditId, @PathVariable String actionId, @RequestParam Map<String, String> form,
                          Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("confirmedBy", Forms.text(form, "confirmedBy"));
        body.put("boardMeeting", Forms.text(form, "confirmBoardMeeting"));
        return closureStep(auditId, actionId, form, model, body, "/closure-proposal/confirmation", "closed",
                Map.of("confirmedBy", "confirmedBy", "boardMeeting", "confirmBoardMeeting",
                        "board-meeting-required", "confirmBoardMeeting"));
    }

    @PostMapping("/audits/{auditId}/actions/{actionId}/closure-proposal/return")
    String returnClosure(@PathVariable String auditId, @PathVariable String actionId, @RequestParam Map<String, String> form,
                         Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", Forms.text(form, "returnReason"));
        body.put("returnedBy", Forms.text(form, "returnedBy"));
        return closureStep(auditId, actionId, form, model, body, "/closure-proposal/return", "returned",
                Map.of("reason", "returnReason", "returnedBy", "returnedBy"));
    }

    private String closureStep(String auditId, String actionId, Map<String, String> form, Model model, Map<String, Object> body,
                               String path, String done, Map<String, String> fields) {
        try {
            Api.post(actionPlans, body, "/api/audits/{a}/actions/{x}" + path, auditId, actionId);
        } catch (ApiProblem problem) {
            return actionPage(auditId, actionId, form, FormErrors.from(problem, fields), model);
        }
        return "redirect:/audits/" + auditId + "/actions/" + actionId + "?done=" + done;
    }

    /** Whether the action's last closure step was a proposal still awaiting the partnership. */
    @SuppressWarnings("unchecked")
    static boolean closureProposed(Map<String, Object> action) {
        boolean proposed = false;
        for (Object entry : (List<Object>) action.getOrDefault("history", List.of())) {
            Object kind = ((Map<String, Object>) entry).get("kind");
            if ("CLOSURE_PROPOSED".equals(kind)) {
                proposed = true;
            } else if ("CLOSURE_RETURNED".equals(kind) || "CLOSED".equals(kind) || "REOPENED".equals(kind)) {
                proposed = false;
            }
        }
        return proposed;
    }

    private String actionPage(String auditId, String actionId, Map<String, String> form, FormErrors errors, Model model) {
        Map<String, String> values = new LinkedHashMap<>(form);
        values.putIfAbsent("updateId", Forms.newId("update"));
        model.addAttribute("auditId", auditId);
        Map<String, Object> action = Api.object(actionPlans, "/api/audits/{a}/actions/{x}", auditId, actionId);
        model.addAttribute("action", action);
        model.addAttribute("closureProposed", closureProposed(action));
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        return "action";
    }

    @SuppressWarnings("unchecked")
    private List<String> participatingAgencies(String auditId) {
        return Api.find(auditProgramme, "/api/audits/{a}", auditId)
                .map(audit -> (List<String>) audit.getOrDefault("participatingAgencies", List.of()))
                .orElse(List.of());
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }
}
