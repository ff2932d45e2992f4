package io.maap.dashboard.rebuilds.web;

import io.maap.dashboard.config.ServiceClients;
import io.maap.dashboard.page.web.Api;
import io.maap.dashboard.page.web.ApiProblem;
import io.maap.dashboard.page.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.client.RestClient;

import java.util.Map;

/** Rebuilding reporting-service's read models, with a progress bar that follows the rebuild. */
@Controller
public class RebuildsController {

    private final RestClient reporting;

    public RebuildsController(ServiceClients clients) {
        this.reporting = clients.reporting();
    }

    @GetMapping("/rebuilds")
    String page(Model model) {
        model.addAttribute("progress", progress());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        return "rebuilds";
    }

    /** The progress as JSON with the percentage done, polled by the page. */
    @GetMapping("/rebuilds/progress")
    @ResponseBody
    Map<String, Object> progress() {
        Map<String, Object> progress = new java.util.LinkedHashMap<>(Api.object(reporting, "/api/rebuilds/current"));
        long done = ((Number) progress.getOrDefault("eventsDone", 0)).longValue();
        long total = ((Number) progress.getOrDefault("eventsTotal", 0)).longValue();
        String state = String.valueOf(progress.get("state"));
        progress.put("percent", total == 0 ? ("COMPLETED".equals(state) ? 100 : 0) : Math.min(100, done * 100 / total));
        return progress;
    }

    @PostMapping("/rebuilds")
    String start(Model model) {
        try {
            Api.post(reporting, Map.of(), "/api/rebuilds");
        } catch (ApiProblem problem) {
            model.addAttribute("errors", FormErrors.none().add(null, problem.getMessage()));
            return page(model);
        }
        return "redirect:/rebuilds";
    }
}
