package io.maap.support.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.util.stream.Collectors;

/** Says which environment variables to set when {@link ProductionSettings} stops start-up, without a stack trace. */
public class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        String list = cause.missing().stream().map(missing -> "    " + missing.describe())
                .collect(Collectors.joining("\n"));
        return new FailureAnalysis(
                "The '" + ProductionSettings.PROFILE + "' profile is active, and these settings are not set:\n" + list
                        + "\nIn production a service never falls back to its local defaults (an H2 file, a broker or issuer on localhost).",
                "Set " + cause.missing().stream().map(MissingSettingsException.Missing::variable).collect(Collectors.joining(", "))
                        + " (see docs/operations.md), or run without SPRING_PROFILES_ACTIVE=" + ProductionSettings.PROFILE
                        + " for a local run.",
                cause);
    }
}
