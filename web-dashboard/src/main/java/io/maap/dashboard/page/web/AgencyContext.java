package io.maap.dashboard.page.web;

import org.springframework.stereotype.Component;

/**
 * Which agency's returns a page filters to. The filter is a convenience for the partnership's
 * people, who see every agency: the services confine an agency's own staff to their agency from
 * the token, whatever the page asks for.
 */
@Component
public class AgencyContext {

    /** The agency to act for: the one chosen on the page, or null for the partnership's view of every agency. */
    public String actingAgency(String chosen) {
        return chosen == null || chosen.isBlank() ? null : chosen.strip();
    }
}
