package io.maap.casereturn.agency.messaging;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CloudEvents 1.0, from a source that names an agency: {@code urn:maap:agency:<agency-code>}. */
final class CheckAttributes implements Step<Received, Sender> {

    private static final Pattern AGENCY_SOURCE = Pattern.compile("^urn:maap:agency:([a-z][a-z0-9-]{1,39})$");

    @Override
    public Outcome<Sender> apply(Received received) {
        InboundCloudEvent event = received.event();
        if (!"1.0".equals(event.specVersion())) {
            return Outcome.rejected("unsupported-specversion", "unsupported CloudEvents specversion '" + event.specVersion() + "'");
        }
        return agencyNamedBy(event.source())
                .map(agency -> Outcome.accepted(new Sender(received.topic(), event, agency)))
                .orElseGet(() -> Outcome.rejected("unknown-source", "source '" + event.source()
                        + "' does not name an agency (urn:maap:agency:<agency-code>)"));
    }

    static Optional<String> agencyNamedBy(String source) {
        Matcher matcher = source == null ? null : AGENCY_SOURCE.matcher(source);
        return matcher != null && matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
