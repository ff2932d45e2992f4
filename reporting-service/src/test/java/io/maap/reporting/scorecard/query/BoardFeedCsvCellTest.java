package io.maap.reporting.scorecard.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BoardFeedCsvCellTest {

    @ParameterizedTest(name = "a value starting with {0} is read as text")
    @CsvSource({"=", "+", "-", "@"})
    void neutralisesALeadingFormulaCharacter(String start) {
        assertThat(BoardFeed.quote(start + "HYPERLINK(\"http://x\")"))
                .isEqualTo("\"'" + start + "HYPERLINK(\"\"http://x\"\")\"");
    }

    @Test
    void neutralisesALeadingTabOrCarriageReturn() {
        assertThat(BoardFeed.quote("\t=1+1")).isEqualTo("\"'\t=1+1\"");
        assertThat(BoardFeed.quote("\r=1+1")).startsWith("\"'\r");
    }

    @Test
    void neutralisesAFormulaAfterALineBreak() {
        assertThat(BoardFeed.quote("Neglect audit\n=cmd|' /C calc'!A0"))
                .isEqualTo("\"Neglect audit\n'=cmd|' /C calc'!A0\"");
        assertThat(BoardFeed.quote("Neglect audit\r\n@SUM(A1)")).isEqualTo("\"Neglect audit\r\n'@SUM(A1)\"");
    }

    @Test
    void leavesOrdinaryTextAsItIsQuotedPerRfc4180() {
        assertThat(BoardFeed.quote("Neglect - \"early help\" 2017")).isEqualTo("\"Neglect - \"\"early help\"\" 2017\"");
        assertThat(BoardFeed.quote(null)).isEmpty();
    }
}
