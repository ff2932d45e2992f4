package io.maap.dashboard.page.web;

import io.maap.dashboard.page.web.AsAt;

import io.maap.dashboard.config.DashboardProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every page needs: the "as at" date, the agencies, the current path; and the error pages. */
@ControllerAdvice
public class PageModel {

    private static final Logger log = LoggerFactory.getLogger(PageModel.class);

    private final DashboardProperties properties;

    public PageModel(DashboardProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute
    void common(HttpServletRequest request, Model model) {
        model.addAttribute("asAt", AsAt.of(request));
        model.addAttribute("agencies", properties.agencies());
        model.addAttribute("defaultProgrammeId", properties.programmeId());
        model.addAttribute("refreshMillis", properties.refreshInterval().toMillis());
        model.addAttribute("path", request.getRequestURI());
        model.addAttribute("navigation", navigation(request.getRequestURI()));
        Map<String, String> kept = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.startsWith("asAt") && !name.equals("asOf") && !name.equals("done") && values.length > 0 && !values[0].isBlank()) {
                kept.put(name, values[0]);
            }
        });
        model.addAttribute("keptParameters", kept);
        model.addAttribute("done", request.getParameter("done"));
    }

    /** An entry of the service navigation; {@code current} when the page is in its section. */
    public record NavItem(String href, String label, boolean current) {
    }

    private List<NavItem> navigation(String path) {
        List<String[]> items = List.of(
                new String[] {"/scorecard", "Scorecard"},
                new String[] {"/programmes/" + properties.programmeId() + "/schedule", "Schedule"},
                new String[] {"/overdue-returns", "Overdue returns"},
                new String[] {"/returns", "Returns"},
                new String[] {"/actions", "Actions"},
                new String[] {"/agency-compliance", "Compliance"},
                new String[] {"/safeguarding-concerns", "Concerns"},
                new String[] {"/notifications", "Sent notifications"},
                new String[] {"/contacts", "Contacts"},
                new String[] {"/agency-webhooks", "Agency webhooks"},
                new String[] {"/audits/new", "Commission an audit"},
                new String[] {"/rebuilds", "Rebuilds"});
        return items.stream().map(item -> new NavItem(item[0], item[1], path.equals(item[0])
                || (path.startsWith(item[0] + "/") && !item[0].equals("/returns")))).toList();
    }

    @ExceptionHandler(HttpClientErrorException.NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(HttpClientErrorException.NotFound e, Model model) {
        model.addAttribute("title", "Page not found");
        model.addAttribute("message", ApiProblemMessage.of(e));
        return "error-page";
    }

    /** The service refused the signed-in person's role: say so plainly (their agency's own pages still work). */
    @ExceptionHandler(HttpClientErrorException.Forbidden.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(HttpClientErrorException.Forbidden e, Model model) {
        model.addAttribute("title", "You cannot see this page");
        model.addAttribute("message", "Your role does not give access to this page. Ask the partnership's QA coordinator "
                + "if you need it.");
        return "error-page";
    }

    /** The service no longer accepts the person's token (expired and not renewable): sign in again. */
    @ExceptionHandler(HttpClientErrorException.Unauthorized.class)
    String unauthorized(HttpClientErrorException.Unauthorized e, jakarta.servlet.http.HttpServletRequest request)
            throws jakarta.servlet.ServletException {
        request.logout();
        return "redirect:/";
    }

    @ExceptionHandler(RestClientException.class)
    @ResponseStatus(HttpStatus.BAD_GATEWAY)
    String unavailable(RestClientException e, Model model) {
        log.warn("A service call failed: {}", e.toString());
        model.addAttribute("title", "Sorry, there is a problem with the service");
        model.addAttribute("message", "A MAAP service did not answer as expected. Try again later.");
        return "error-page";
    }

    /** The detail of a service's 404, if it said one. */
    static final class ApiProblemMessage {
        static String of(HttpClientErrorException e) {
            try {
                Object detail = e.getResponseBodyAs(java.util.Map.class).get("detail");
                return detail == null ? "Nothing was found at this address." : detail.toString();
            } catch (RuntimeException unreadable) {
                return "Nothing was found at this address.";
            }
        }
    }
}
