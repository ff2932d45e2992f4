package io.maap.deploycheck.compose;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InterpolationTest {

    private final Map<String, String> variables = new HashMap<>(Map.of("SET", "value", "EMPTY", ""));
    private final Interpolation interpolation = Interpolation.of(variables);

    @Test
    void replacesPlainAndBracedVariables() {
        assertThat(interpolation.apply("a $SET b ${SET} c")).isEqualTo("a value b value c");
        assertThat(interpolation.apply("${UNSET}|$UNSET")).isEqualTo("|");
    }

    @Test
    void colonDashDefaultsForUnsetOrEmptyAndDashOnlyForUnset() {
        assertThat(interpolation.apply("${UNSET:-d} ${EMPTY:-d} ${SET:-d}")).isEqualTo("d d value");
        assertThat(interpolation.apply("${UNSET-d}|${EMPTY-d}|${SET-d}")).isEqualTo("d||value");
    }

    @Test
    void requiredVariablesStopWithTheirMessage() {
        assertThatThrownBy(() -> interpolation.apply("${UNSET:?set the admin password}"))
                .isInstanceOf(Interpolation.MissingVariableException.class)
                .hasMessageContaining("UNSET").hasMessageContaining("set the admin password");
        assertThatThrownBy(() -> interpolation.apply("${EMPTY:?needed}")).hasMessageContaining("EMPTY");
        assertThat(interpolation.apply("${EMPTY?needed}")).isEmpty();
        assertThat(interpolation.apply("${SET:?needed}")).isEqualTo("value");
    }

    @Test
    void plusReplacesOnlyWhenSet() {
        assertThat(interpolation.apply("${SET:+yes}|${EMPTY:+yes}|${EMPTY+yes}|${UNSET+yes}")).isEqualTo("yes||yes|");
    }

    @Test
    void defaultsMayHoldVariablesAndDollarDollarIsALiteralDollar() {
        assertThat(interpolation.apply("${UNSET:-${SET}-x}")).isEqualTo("value-x");
        assertThat(interpolation.apply("$$HOME and $${SET} cost $5")).isEqualTo("$HOME and ${SET} cost $5");
    }
}
