package io.maap.auditprogramme.calendar.web;

import io.maap.events.auditprogramme.Milestone;
import io.maap.events.auditprogramme.PlannedDate;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The two seeds' tables read as they are printed, and written back in the same shape (issue 21, item 5). */
class CalendarTableTest {

    @Test
    void seed001sCalendarReadsWithTheYearCarriedAlongEachRow() {
        CalendarTable.Read read = CalendarTable.read(resource("seed-001-north-east-lincolnshire-calendar.csv"), 2016);
        assertThat(read.fileError()).isNull();
        assertThat(read.shape()).isEqualTo(CalendarTable.Shape.CALENDAR);
        assertThat(read.rows()).hasSize(5).allSatisfy(row -> assertThat(row.errors()).isEmpty());
        CalendarTable.Row first = read.rows().get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.planned().get(Milestone.TOOL_SENT)).isEqualTo(day(2016, 1, 18));
        assertThat(first.planned().get(Milestone.RETURNS_CLOSED)).isEqualTo(day(2016, 2, 8));
        assertThat(first.planned().get(Milestone.CHALLENGE_DAY)).isEqualTo(day(2016, 3, 1));
        assertThat(first.planned().get(Milestone.MONITORING_STARTED))
                .isEqualTo(new PlannedDate(LocalDate.of(2016, 6, 1), PlannedDate.Precision.MONTH));
        assertThat(first.planned().get(Milestone.CLOSED)).isEqualTo(day(2017, 3, 31));
        CalendarTable.Row youthJustice = read.rows().get(4);
        assertThat(youthJustice.planned().get(Milestone.CHALLENGE_DAY)).isEqualTo(day(2016, 12, 20));
        assertThat(youthJustice.planned().get(Milestone.REPORT_DRAFTED))
                .isEqualTo(new PlannedDate(LocalDate.of(2017, 1, 1), PlannedDate.Precision.MONTH));
    }

    @Test
    void seed000sScheduleReadsWithAFridayWeekReadAsItsMondayAndSection11WithoutARoundTable() {
        CalendarTable.Read read = CalendarTable.read(resource("seed-000-redbridge-schedule.csv"), 2017);
        assertThat(read.shape()).isEqualTo(CalendarTable.Shape.SCHEDULE);
        assertThat(read.rows()).hasSize(6).allSatisfy(row -> assertThat(row.errors()).isEmpty());
        CalendarTable.Row esafety = read.rows().get(2);
        assertThat(esafety.planned().get(Milestone.CHALLENGE_DAY))
                .isEqualTo(new PlannedDate(LocalDate.of(2017, 10, 30), PlannedDate.Precision.WEEK_COMMENCING));
        assertThat(esafety.warnings()).singleElement().asString().contains("\"W/C 3 November 2017\" is a Friday");
        CalendarTable.Row section11 = read.rows().get(5);
        assertThat(section11.section11()).isTrue();
        assertThat(section11.planned()).containsOnlyKeys(Milestone.TOOL_SENT, Milestone.SIGNED_OFF);
    }

    @Test
    void bothSeedsRoundTripThroughTheirOwnShape() {
        for (var seed : List.of(new Object[]{"seed-001-north-east-lincolnshire-calendar.csv", CalendarTable.Shape.CALENDAR, 2016},
                new Object[]{"seed-000-redbridge-schedule.csv", CalendarTable.Shape.SCHEDULE, 2017})) {
            CalendarTable.Read first = CalendarTable.read(resource((String) seed[0]), (int) seed[2]);
            String written = CalendarTable.write((CalendarTable.Shape) seed[1], lines(first));
            CalendarTable.Read again = CalendarTable.read(new StringReader(written), 1999 + 1);
            assertThat(again.rows()).extracting(CalendarTable.Row::name)
                    .containsExactlyElementsOf(first.rows().stream().map(CalendarTable.Row::name).toList());
            assertThat(again.rows()).extracting(CalendarTable.Row::planned)
                    .containsExactlyElementsOf(first.rows().stream().map(CalendarTable.Row::planned).toList());
            assertThat(CalendarTable.write((CalendarTable.Shape) seed[1], lines(again))).isEqualTo(written);
        }
    }

    @Test
    void aRowWithABadDateSaysWhichCellAndWhy() {
        CalendarTable.Read read = CalendarTable.read(new StringReader("""
                AUDIT,Commence,Multi Agency Audit 'round table' exercise,Presented to LSCB Executive
                Neglect,Apirl 2017,W/C 22 May 2017,31st February 2018
                ,May 2017,,June 2017
                Section 11,December 2016,W/C 22 May 2017,December 2018
                """), 2017);
        assertThat(read.rows().get(0).errors()).containsExactly(
                "Commence: \"Apirl\" is not a month.",
                "Presented to LSCB Executive: \"31st February 2018\" is not a day of February 2018.",
                "Commence: the audit needs a date to commence (the tool sent out).");
        assertThat(read.rows().get(1).errors()).containsExactly("AUDIT: the audit has no name.");
        assertThat(read.rows().get(2).errors()).containsExactly(
                "Multi Agency Audit 'round table' exercise: a Section 11 audit has no round table; write N/A.");
    }

    @Test
    void aFileInNeitherShapeIsRefusedAsAWhole() {
        assertThat(CalendarTable.read(new StringReader("a,b\n1,2\n"), 2017).fileError()).startsWith("The first row must be");
        assertThat(CalendarTable.read(new StringReader(""), 2017).fileError()).isEqualTo("The file is empty.");
    }

    private static List<CalendarTable.Line> lines(CalendarTable.Read read) {
        return read.rows().stream().map(r -> new CalendarTable.Line(r.name(), r.section11(), r.planned())).toList();
    }

    private static PlannedDate day(int year, int month, int day) {
        return new PlannedDate(LocalDate.of(year, month, day), PlannedDate.Precision.DAY);
    }

    private static Reader resource(String name) {
        return new InputStreamReader(CalendarTableTest.class.getResourceAsStream("/calendars/" + name), StandardCharsets.UTF_8);
    }
}
