package io.maap.dashboard.web;

import org.springframework.stereotype.Component;

/**
 * Which agency the person at the browser acts for. Today the agency is chosen on the page and
 * passed to case-return-service as {@code agency=}; once the services take it from the user's
 * token (issue 9), this is the one place that changes.
 */
@Component
public class AgencyContext {

    /** The agency to act for: the one chosen on the page, or null for the partnership's view of every agency. */
    public String actingAgency(String chosen) {
        return chosen == null || chosen.isBlank() ? null : chosen.strip();
    }
}
