package io.maap.support.config;

import java.util.List;
import java.util.stream.Collectors;

/** Start-up stopped: the prod profile is active and settings that point at real infrastructure are not given. */
public class MissingSettingsException extends IllegalStateException {

    /**
     * @param variable the environment variable to set
     * @param property the property it sets
     * @param fallback what the service would have used instead (a local default), or null
     */
    public record Missing(String variable, String property, String fallback) {

        String describe() {
            return variable + " (" + property + (fallback == null || fallback.isBlank() ? "" : "; the local fallback would be " + fallback) + ")";
        }
    }

    private final List<Missing> missing;

    public MissingSettingsException(List<Missing> missing) {
        super("The '" + ProductionSettings.PROFILE + "' profile is active but " + missing.stream().map(Missing::variable)
                .collect(Collectors.joining(", ")) + (missing.size() == 1 ? " is" : " are") + " not set: "
                + missing.stream().map(Missing::describe).collect(Collectors.joining("; ")));
        this.missing = List.copyOf(missing);
    }

    public List<Missing> missing() {
        return missing;
    }
}
