package io.maap.dashboard.returns.web;

import io.maap.dashboard.config.ServiceClients;
import io.maap.dashboard.page.web.AgencyContext;
import io.maap.dashboard.page.web.Api;
import io.maap.dashboard.page.web.ApiProblem;
import io.maap.dashboard.page.web.FormErrors;
import io.maap.dashboard.page.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Case returns, for agencies without a system of their own and for the partnership's QA: an
 * agency's return requests, and one request with its versions and the forms to submit a return
 * or a nil return, and to accept it or send it back.
 */
@Controller
public class ReturnsController {

    private static final Map<String, String> ACK_FIELDS = Map.of("acknowledgedBy", "submittedBy", "caseHolder", "caseHolder",
            "lineManager", "lineManager", "auditor", "auditor", "auditor-not-independent", "auditor");

    private final RestClient caseReturns;
    private final RestClient auditProgramme;
    private final AgencyContext agencyContext;

    public ReturnsController(ServiceClients clients, AgencyContext agencyContext) {
        this.caseReturns = clients.caseReturns();
        this.auditProgramme = clients.auditProgramme();
        this.agencyContext = agencyContext;
    }

    @GetMapping("/returns")
    String list(@RequestParam(required = false) String agency, @RequestParam(required = false) String auditId,
                @RequestParam(defaultValue = "true") boolean outstanding, Model model) {
        String acting = agencyContext.actingAgency(agency);
        model.addAttribute("agency", acting == null ? "" : acting);
        model.addAttribute("auditId", auditId == null ? "" : auditId);
        model.addAttribute("outstanding", outstanding);
        if (acting != null) {
            String uri = "/api/return-requests?agency={agency}&outstanding={o}" + (auditId == null || auditId.isBlank() ? "" : "&auditId={a}");
            model.addAttribute("requests", Api.list(caseReturns, uri, acting, outstanding, auditId));
        }
        return "returns";
    }

    @GetMapping("/returns/{id}")
    String request(@PathVariable String id, Model model) {
        return requestPage(id, Map.of(), FormErrors.none(), model);
    }

    /** Acknowledges the request (naming the auditor) if not yet done, then submits the answers. */
    @PostMapping("/returns/{id}/submission")
    String submit(@PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> request = Api.object(caseReturns, "/api/return-requests/{id}", id);
        List<Map<String, Object>> questions = questions(request);
        Map<String, String> fieldIds = new LinkedHashMap<>(ACK_FIELDS);
        fieldIds.put("submittedBy", "submittedBy");
        fieldIds.put("blank-answer", questions.isEmpty() ? "submittedBy" : "answer-" + questions.get(0).get("questionId"));
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            String questionId = questions.get(i).get("questionId").toString();
            fieldIds.put("answers[" + i + "]", "answer-" + questionId);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("questionId", questionId);
            answer.put("answer", form.getOrDefault("answer-" + questionId, ""));
            String grade = Forms.text(form, "grade-" + questionId);
            if (grade != null) {
                answer.put("grade", grade);
            }
            answers.add(answer);
        }
        try {
            if (request.get("acknowledgedBy") == null || request.get("auditor") == null) {
                Map<String, Object> ack = new LinkedHashMap<>();
                ack.put("acknowledgedBy", Forms.text(form, "submittedBy"));
                ack.put("caseHolder", Forms.text(form, "caseHolder"));
                ack.put("lineManager", Forms.text(form, "lineManager"));
                ack.put("auditor", Forms.text(form, "auditor"));
                Api.post(caseReturns, ack, "/api/return-requests/{id}/acknowledgement", id);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("submittedBy", Forms.text(form, "submittedBy"));
            body.put("answers", answers);
            Api.post(caseReturns, body, "/api/return-requests/{id}/submissions", id);
        } catch (ApiProblem problem) {
            return requestPage(id, form, FormErrors.from(problem, fieldIds), model);
        }
        return "redirect:/returns/" + id + "?done=submitted";
    }

    @PostMapping("/returns/{id}/nil-return")
    String nilReturn(@PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        try {
            Api.post(caseReturns, mapOf("submittedBy", Forms.text(form, "nilSubmittedBy")), "/api/return-requests/{id}/nil-return", id);
        } catch (ApiProblem problem) {
            return requestPage(id, form, FormErrors.from(problem, Map.of("submittedBy", "nilSubmittedBy")), model);
        }
        return "redirect:/returns/" + id + "?done=nil";
    }

    @PostMapping("/returns/{id}/acceptance")
    String accept(@PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", Integer.parseInt(form.getOrDefault("version", "0")));
        body.put("acceptedBy", Forms.text(form, "acceptedBy"));
        try {
            Api.post(caseReturns, body, "/api/return-requests/{id}/acceptance", id);
        } catch (ApiProblem problem) {
            return requestPage(id, form, FormErrors.from(problem, Map.of("acceptedBy", "acceptedBy", "version", "acceptedBy")), model);
        }
        return "redirect:/returns/" + id + "?done=accepted";
    }

    @PostMapping("/returns/{id}/send-back")
    String sendBack(@PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", Integer.parseInt(form.getOrDefault("version", "0")));
        body.put("reasons", Forms.lines(form, "reasons"));
        body.put("sentBackBy", Forms.text(form, "sentBackBy"));
        try {
            Api.post(caseReturns, body, "/api/return-requests/{id}/send-back", id);
        } catch (ApiProblem problem) {
            return requestPage(id, form, FormErrors.from(problem,
                    Map.of("reasons", "reasons", "sentBackBy", "sentBackBy", "version", "sentBackBy")), model);
        }
        return "redirect:/returns/" + id + "?done=sent-back";
    }

    private String requestPage(String id, Map<String, String> form, FormErrors errors, Model model) {
        Map<String, Object> request = Api.object(caseReturns, "/api/return-requests/{id}", id);
        model.addAttribute("request", request);
        model.addAttribute("versions", Api.list(caseReturns, "/api/return-requests/{id}/versions", id));
        model.addAttribute("questions", questions(request));
        model.addAttribute("gradingScale", audit(request).getOrDefault("gradingScale", List.of()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "return";
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> questions(Map<String, Object> request) {
        return (List<Map<String, Object>>) audit(request).getOrDefault("questions", List.of());
    }

    private Map<String, Object> audit(Map<String, Object> request) {
        return Api.find(auditProgramme, "/api/audits/{a}", request.get("auditId")).orElse(Map.of());
    }

    private static Map<String, Object> mapOf(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }
}
