package io.maap.support.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTest {

    /** OWASP's CSV injection payloads, each alone and after a line break. */
    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+1+2", "-1+2", "@SUM(1+2)", "\t=1+2", "\r=1+2", "=cmd|' /C calc'!A0",
            "=HYPERLINK(\"http://evil.example\",\"x\")", "@cmd|' /C notepad'!'A1'"})
    void everyLineStartingAFormulaIsNeutralised(String payload) {
        assertThat(CsvCells.quote(payload)).startsWith("\"'");
        assertThat(CsvCells.quote("harmless\n" + payload)).contains("\n'");
        assertThat(CsvCells.quote("harmless\r\n" + payload)).contains("\r\n'");
    }

    @Test
    void rowsAreRfc4180() {
        assertThat(CsvCells.row(List.of("a", "say \"hi\"", "x,y"))).isEqualTo("\"a\",\"say \"\"hi\"\"\",\"x,y\"\r\n");
        assertThat(CsvCells.quote(null)).isEmpty();
        assertThat(CsvCells.quote("2026-12-03T10:15:30Z")).isEqualTo("\"2026-12-03T10:15:30Z\"");
    }
}
