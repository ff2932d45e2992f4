package io.maap.support.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class UkBankHolidaysTest {

    /** England and Wales, as published by the UK government for 2015-2030. */
    private static final String ENGLAND_AND_WALES = """
            2015: 01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28
            2016: 01-01 03-25 03-28 05-02 05-30 08-29 12-26 12-27
            2017: 01-02 04-14 04-17 05-01 05-29 08-28 12-25 12-26
            2018: 01-01 03-30 04-02 05-07 05-28 08-27 12-25 12-26
            2019: 01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26
            2020: 01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28
            2021: 01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28
            2022: 01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27
            2023: 01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26
            2024: 01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26
            2025: 01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26
            2026: 01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28
            2027: 01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28
            2028: 01-03 04-14 04-17 05-01 05-29 08-28 12-25 12-26
            2029: 01-01 03-30 04-02 05-07 05-28 08-27 12-25 12-26
            2030: 01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26
            """;

    @Test
    void englandAndWalesMatchesThePublishedDates2015To2030() {
        Map<Integer, Set<LocalDate>> published = parse(ENGLAND_AND_WALES);
        published.forEach((year, days) ->
                assertThat(UkBankHolidays.forYear(Nation.ENGLAND_AND_WALES, year)).as("%d", year).containsExactlyElementsOf(days));
    }

    @ParameterizedTest
    @CsvSource({
            "2015, 2015-04-05", "2016, 2016-03-27", "2017, 2017-04-16", "2018, 2018-04-01",
            "2019, 2019-04-21", "2020, 2020-04-12", "2021, 2021-04-04", "2022, 2022-04-17",
            "2023, 2023-04-09", "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05",
            "2027, 2027-03-28", "2028, 2028-04-16", "2029, 2029-04-01", "2030, 2030-04-21"})
    void computesEasterSunday(int year, LocalDate easter) {
        assertThat(UkBankHolidays.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void scotlandKeepsSecondJanuaryStAndrewsAndEarlyAugustButNotEasterMonday() {
        assertThat(UkBankHolidays.forYear(Nation.SCOTLAND, 2022)).containsExactly(
                d("2022-01-03"), d("2022-01-04"), d("2022-04-15"), d("2022-05-02"), d("2022-06-02"),
                d("2022-06-03"), d("2022-08-01"), d("2022-09-19"), d("2022-11-30"), d("2022-12-26"),
                d("2022-12-27"));
        assertThat(UkBankHolidays.forYear(Nation.SCOTLAND, 2017)).contains(d("2017-01-02"), d("2017-01-03"));
        assertThat(UkBankHolidays.forYear(Nation.SCOTLAND, 2021)).contains(d("2021-01-01"), d("2021-01-04"));
        assertThat(UkBankHolidays.forYear(Nation.SCOTLAND, 2025)).contains(d("2025-12-01"));
    }

    @Test
    void northernIrelandAddsStPatricksAndTheBoyne() {
        assertThat(UkBankHolidays.forYear(Nation.NORTHERN_IRELAND, 2022)).containsExactly(
                d("2022-01-03"), d("2022-03-17"), d("2022-04-15"), d("2022-04-18"), d("2022-05-02"),
                d("2022-06-02"), d("2022-06-03"), d("2022-07-12"), d("2022-08-29"), d("2022-09-19"),
                d("2022-12-26"), d("2022-12-27"));
        assertThat(UkBankHolidays.forYear(Nation.NORTHERN_IRELAND, 2020)).contains(d("2020-03-17"), d("2020-07-13"));
    }

    private static Map<Integer, Set<LocalDate>> parse(String table) {
        Map<Integer, Set<LocalDate>> result = new TreeMap<>();
        table.lines().filter(l -> !l.isBlank()).forEach(line -> {
            String[] parts = line.split(":");
            int year = Integer.parseInt(parts[0].trim());
            result.put(year, Arrays.stream(parts[1].trim().split("\\s+"))
                    .map(md -> LocalDate.parse(year + "-" + md))
                    .collect(Collectors.toCollection(java.util.TreeSet::new)));
        });
        return result;
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
