package io.maap.dashboard.notifications.web;

import io.maap.dashboard.config.ServiceClients;
import io.maap.dashboard.page.web.Api;
import io.maap.dashboard.page.web.ApiProblem;
import io.maap.dashboard.page.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Sent notifications" (what was sent, failed or had no one to tell: the QA coordinator sees all,
 * a SPOC their agency's, as notification-service answers for the signed-in person) and "Contacts"
 * (the partnership's contacts directory, and a form to add an entry), and "Agency webhooks" (each
 * agency system's endpoint, and a form to set one: the QA coordinator any agency's, a SPOC their
 * own, as notification-service allows; the secret is sent, never shown back, only its last four
 * characters).
 */
@Controller
public class NotificationsController {

    static final List<String> ROLES = List.of("AGENCY_SPOC", "SAFEGUARDING_LEAD", "LEAD_OFFICER", "QA_COORDINATOR",
            "AUDIT_LEAD");
    static final List<String> STATUSES = List.of("SENT", "PENDING", "FAILED", "NO_RECIPIENT");

    private final RestClient notifications;

    public NotificationsController(ServiceClients clients) {
        this.notifications = clients.notifications();
    }

    @GetMapping("/notifications")
    String sent(@RequestParam(required = false) String status, @RequestParam(required = false) String agency, Model model) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/notifications").queryParam("size", 500);
        if (status != null && STATUSES.contains(status)) {
            uri.queryParam("status", status);
        }
        if (agency != null && !agency.isBlank()) {
            uri.queryParam("agency", agency);
        }
        model.addAttribute("notifications", Api.list(notifications, uri.build().toUriString()));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("agency", agency == null ? "" : agency);
        return "notifications";
    }

    @GetMapping("/contacts")
    String contacts(Model model) {
        model.addAttribute("contacts", Api.list(notifications, "/api/contacts"));
        model.addAttribute("roles", ROLES);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
            model.addAttribute("form", Map.of());
        }
        return "contacts";
    }

    @PostMapping("/contacts")
    String add(@RequestParam Map<String, String> form, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : List.of("role", "agency", "auditId", "name", "email")) {
            String value = form.get(field);
            if (value != null && !value.isBlank()) {
                body.put(field, value.strip());
            }
        }
        try {
            Api.post(notifications, body, "/api/contacts");
        } catch (ApiProblem problem) {
            model.addAttribute("errors", FormErrors.from(problem, Map.of("role", "role", "agency", "agency",
                    "auditId", "auditId", "name", "name", "email", "email")));
            model.addAttribute("form", form);
            return contacts(model);
        }
        return "redirect:/contacts?done=Contact+added";
    }

    @GetMapping("/agency-webhooks")
    String webhooks(Model model) {
        model.addAttribute("webhooks", Api.list(notifications, "/api/agency-webhooks"));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
            model.addAttribute("form", Map.of("emailToo", "yes"));
        }
        return "agency-webhooks";
    }

    /** Sets an agency's webhook; a blank secret keeps the current one. The secret is never put back in the form. */
    @PostMapping("/agency-webhooks")
    String setWebhook(@RequestParam Map<String, String> form, Model model) {
        Map<String, String> shown = new LinkedHashMap<>(form);
        shown.remove("secret");
        String agency = form.getOrDefault("agency", "").strip();
        if (agency.isEmpty()) {
            model.addAttribute("errors", FormErrors.none().add("agency", "Select the agency"));
            model.addAttribute("form", shown);
            return webhooks(model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", form.getOrDefault("url", "").strip());
        String secret = form.getOrDefault("secret", "").strip();
        if (!secret.isEmpty()) {
            body.put("secret", secret);
        }
        body.put("emailToo", "yes".equals(form.get("emailToo")));
        try {
            Api.put(notifications, body, "/api/agency-webhooks/{agency}", agency);
        } catch (ApiProblem problem) {
            model.addAttribute("errors", FormErrors.from(problem, Map.of("url", "url", "secret", "secret",
                    "emailToo", "emailToo")));
            model.addAttribute("form", shown);
            return webhooks(model);
        }
        return "redirect:/agency-webhooks?done=Webhook+saved";
    }
}
