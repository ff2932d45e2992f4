package io.maap.deploycheck.compose;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DotEnvTest {

    @Test
    void readsTheFormsComposeReads() {
        Map<String, String> values = DotEnv.parse("""
                # demo secrets
                PLAIN=one two  # a comment
                export EXPORTED=yes
                SINGLE='$literal # kept'
                DOUBLE="line\\nnext ${PLAIN}"
                REFERENCE=${PLAIN}-x
                FROM_SHELL=${SHELL_ONLY}

                EMPTY=
                """, Map.of("SHELL_ONLY", "shell"));
        assertThat(values).containsEntry("PLAIN", "one two").containsEntry("EXPORTED", "yes")
                .containsEntry("SINGLE", "$literal # kept").containsEntry("DOUBLE", "line\nnext one two")
                .containsEntry("REFERENCE", "one two-x").containsEntry("FROM_SHELL", "shell").containsEntry("EMPTY", "");
    }
}
