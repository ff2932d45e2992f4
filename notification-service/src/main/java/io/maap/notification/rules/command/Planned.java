package io.maap.notification.rules.command;

import java.util.List;
import java.util.Map;

/**
 * A notification a rule decided on: what it answers ({@code source}, an event id, qualified when
 * one event tells several agencies, or a dated check's name), what it tells, to whom and with what
 * facts. The facts are pseudonymised references, counts and dates only, as text.
 */
public record Planned(String source, Kind kind, List<Recipient> recipients, String programmeId, String agency,
                      String auditId, boolean urgent, Map<String, String> params) {

    public Planned {
        recipients = List.copyOf(recipients);
        params = Map.copyOf(params);
    }
}
