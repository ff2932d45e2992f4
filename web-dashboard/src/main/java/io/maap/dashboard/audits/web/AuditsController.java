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

    static final List<String> CASE_TYPES = List.of("CHILD_PROTECTION", "LOOKED_AFTER", "CHILD_IN_NEED", "EARLY_HELP", "OTHER");
    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("auditId", "auditId"),
            Map.entry("programmeId", "programmeId"), Map.entry("title", "title"), Map.entry("theme", "theme"),
            Map.entry("leadOfficer", "leadOfficer"), Map.entry("toolSentOn", "toolSentOn-day"),
            Map.entry("questions", "questions"), Map.entry("cases", "cases"),
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
        body.put("cases", Forms.lines(form, "cases").stream().map(c -> Map.of("caseReference", c, "caseType", caseType)).toList());
        body.put("participatingAgencies", agencies);
        try {
            Map<String, Object> created = Api.post(auditProgramme, body, "/api/audits");
            auditId = created == null || created.get("auditId") == null ? auditId : created.get("auditId").toString();
        } catch (ApiProblem problem) {
            return form(form, agencies, FormErrors.from(problem, FIELDS), model);
        }
        return "redirect:/audits/" + auditId + "?done=commissioned";
    }

    private String form(Map<String, String> form, List<String> chosenAgencies, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("chosenAgencies", chosenAgencies);
        model.addAttribute("caseTypes", CASE_TYPES);
        model.addAttribute("errors", errors);
        return "commission";
    }
}
