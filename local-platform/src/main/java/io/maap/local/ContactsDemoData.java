package io.maap.local;

import io.maap.local.identity.DemoUsers;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The demo partnership's contacts directory: each agency's SPOC, safeguarding lead and lead
 * officer, and the QA coordinator, at addresses of the local mail server. Entered through the
 * directory's REST API before any audit is commissioned, so the first messages have someone to reach;
 * an entry whose address is already there is not added again.
 */
final class ContactsDemoData {

    static final String MAIL_DOMAIN = "demo.maap.local";

    private ContactsDemoData() {
    }

    static int load(Api api, String notificationBaseUrl) {
        RestClient client = api.client(notificationBaseUrl);
        Set<String> present = client.get().uri("/api/contacts").retrieve()
                .body(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).stream().map(c -> String.valueOf(c.get("email"))).collect(Collectors.toSet());
        List<Map<String, String>> entries = new ArrayList<>();
        entries.add(entry("QA_COORDINATOR", null, "QA coordinator", "qa.coordinator@" + MAIL_DOMAIN));
        for (String agency : DemoUsers.AGENCIES) {
            entries.add(entry("AGENCY_SPOC", agency, "SPOC, " + agency, "spoc." + agency + "@" + MAIL_DOMAIN));
            entries.add(entry("SAFEGUARDING_LEAD", agency, "Safeguarding lead, " + agency,
                    "safeguarding." + agency + "@" + MAIL_DOMAIN));
            entries.add(entry("LEAD_OFFICER", agency, "Lead officer, " + agency, "lead." + agency + "@" + MAIL_DOMAIN));
        }
        int added = 0;
        for (Map<String, String> entry : entries) {
            if (!present.contains(entry.get("email"))) {
                client.post().uri("/api/contacts").contentType(MediaType.APPLICATION_JSON).body(entry).retrieve()
                        .toBodilessEntity();
                added++;
            }
        }
        return added;
    }

    private static Map<String, String> entry(String role, String agency, String name, String email) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("role", role);
        if (agency != null) {
            entry.put("agency", agency);
        }
        entry.put("name", name);
        entry.put("email", email);
        return entry;
    }
}
