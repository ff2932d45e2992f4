package io.maap.dashboard.audits.web;

import io.maap.dashboard.config.DashboardProperties;
import io.maap.dashboard.config.ServiceClients;
import io.maap.dashboard.page.web.Api;
import io.maap.dashboard.page.web.ApiProblem;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An audit as audit-programme-service knows it, and the form that commissions one. */
@Controller
public class AuditsController {

    static final int MAX_CASES = 200;
    static final List<String> CASE_TYPES = List.of("CHILD_PROTECTION", "LOOKED_AFTER", "CHILD_IN_NEED", "EARLY_HELP", "OTHER");
    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("auditId", "auditId"),
            Map.entry("programmeId", "programmeId"), Map.entry("title", "title"), Map.entry("theme", "theme"),
            Map.entry("leadOfficer", "leadOfficer"), Map.entry("toolSentOn", "toolSentOn-day"),
            Map.entry("questions", "questions"), Map.entry("cases", "caseCount"),
            Map.entry("participatingAgencies", "participatingAgencies"), Map.entry("deadlineOverride", "toolSentOn-day"));

    private final RestClient auditProgramme;
    private final DashboardProperties properties;

    public AuditsController(ServiceClients clients, DashboardProperties properties) {
        this.auditProgramme = clients.auditProgramme();
        this.properties = properties;
    }

    @GetMapping("/audits/{auditId}")
    String audit(@PathVariable String auditId, Model model) {
        model.addAttribute("audit", Api.object(auditProgramme, "/api/audits/{a}", auditId));
        return "audit";
    }

    @GetMapping("/audits/new")
    String form(Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("programmeId", properties.programmeId());
        form.put("caseType", "CHILD_IN_NEED");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        form.put("toolSentOn-day", String.valueOf(today.getDayOfMonth()));
        form.put("toolSentOn-month", String.valueOf(today.getMonthValue()));
        form.put("toolSentOn-year", String.valueOf(today.getYear()));
        return form(form, properties.agencies(), FormErrors.none(), model);
    }

    @PostMapping("/audits")
    String commission(@RequestParam MultiValueMap<String, String> params, Model model) {
        Map<String, String> form = params.toSingleValueMap();
        List<String> agencies = Forms.all(params, "participatingAgencies");
        FormErrors errors = FormErrors.none();
        LocalDate toolSentOn = Forms.date(form, "toolSentOn", "the date the audit tool was sent", true, errors);
        int caseCount = caseCount(form, errors);
        if (errors.any()) {
            return form(form, agencies, errors, model);
        }
        String auditId = Forms.text(form, "auditId");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("auditId", auditId);
        body.put("programmeId", Forms.text(form, "programmeId"));
        body.put("title", Forms.text(form, "title"));
        body.put("theme", Forms.text(form, "theme"));
        body.put("leadOfficer", Forms.text(form, "leadOfficer"));
        body.put("toolSentOn", toolSentOn);
        List<Map<String, Object>> questions = new ArrayList<>();
        List<String> lines = Forms.lines(form, "questions");
        for (int i = 0; i < lines.size(); i++) {
            questions.add(Map.of("questionId", "q" + (i + 1), "text", lines.get(i), "graded", false));
        }
        body.put("questions", questions);
        String caseType = form.getOrDefault("caseType", "CHILD_IN_NEED");
        // The partnership issues the references; only cases it referenced before (audited again) are named.
        List<Map<String, Object>> cases = new ArrayList<>();
        Forms.lines(form, "reauditedCases").forEach(c -> cases.add(Map.of("caseReference", c, "caseType", caseType)));
        for (int i = 0; i < caseCount; i++) {
            cases.add(Map.of("caseType", caseType));
        }
        body.put("cases", cases);
        body.put("participatingAgencies", agencies);
        try {
            Map<String, Object> created = Api.post(auditProgramme, body, "/api/audits");
            auditId = created == null || created.get("auditId") == null ? auditId : created.get("auditId").toString();
        } catch (ApiProblem problem) {
            return form(form, agencies, FormErrors.from(problem, FIELDS), model);
        }
        return "redirect:/audits/" + auditId + "?done=commissioned";
    }

    /** How many new cases are sampled: a whole number, 0 to 200 (0 only when cases are audited again). */
    private static int caseCount(Map<String, String> form, FormErrors errors) {
        String text = Forms.text(form, "caseCount");
        boolean reaudits = !Forms.lines(form, "reauditedCases").isEmpty();
        if ((text == null || text.isBlank()) && reaudits) {
            return 0;
        }
        try {
            int count = Integer.parseInt(text == null ? "" : text.strip());
            if (count >= (reaudits ? 0 : 1) && count <= MAX_CASES) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add("caseCount", "Enter the number of sampled cases, a whole number from 1 to " + MAX_CASES);
        return 0;
    }

    private String form(Map<String, String> form, List<String> chosenAgencies, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("chosenAgencies", chosenAgencies);
        model.addAttribute("caseTypes", CASE_TYPES);
        model.addAttribute("errors", errors);
        return "commission";
    }
}
