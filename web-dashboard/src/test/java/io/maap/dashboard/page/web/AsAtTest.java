package io.maap.dashboard.page.web;

import io.maap.dashboard.page.web.AsAt;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class AsAtTest {

    @Test
    void aDayMeansTheEndOfThatDayInTheUk() {
        AsAt summer = AsAt.of(null, "18", "7", "2017");
        assertThat(summer.instant()).isEqualTo(Instant.parse("2017-07-18T22:59:59Z"));
        assertThat(summer.query()).isEqualTo("&asAt=2017-07-18");
        assertThat(AsAt.of("2017-12-01", null, null, null).instant()).isEqualTo(Instant.parse("2017-12-01T23:59:59Z"));
    }

    @Test
    void blankIsNowAndNonsenseOrTheFutureIsAnError() {
        assertThat(AsAt.of(null, "", "", "").instant()).isNull();
        assertThat(AsAt.of(null, "31", "2", "2020").error()).startsWith("Enter a real date");
        LocalDate tomorrow = LocalDate.now(AsAt.UK).plusDays(1);
        assertThat(AsAt.of(tomorrow.toString(), null, null, null).error()).isEqualTo("The date must be today or in the past");
        assertThat(AsAt.of(null, String.valueOf(tomorrow.getDayOfMonth()), String.valueOf(tomorrow.getMonthValue()),
                String.valueOf(tomorrow.getYear())).error()).isEqualTo("The date must be today or in the past");
    }

    @Test
    void asOfADateIsPassedOnAsThatDateNotAnInstant() {
        AsAt asOf = AsAt.of(null, "18", "7", "2017", true);
        assertThat(asOf.asOfDate()).isEqualTo(LocalDate.of(2017, 7, 18));
        assertThat(asOf.instant()).isNull();
        assertThat(asOf.query()).isEqualTo("&asOf=2017-07-18");
        assertThat(AsAt.of("2017-07-18", null, null, null).asOfDate()).isNull();
    }

    @Test
    void aLinksAsOfChoosesAsOfUnlessTheFormSaysOtherwise() {
        org.springframework.mock.web.MockHttpServletRequest link = new org.springframework.mock.web.MockHttpServletRequest();
        link.setParameter("asOf", "2017-07-18");
        assertThat(AsAt.of(link).asOfDate()).isEqualTo(LocalDate.of(2017, 7, 18));
        org.springframework.mock.web.MockHttpServletRequest form = new org.springframework.mock.web.MockHttpServletRequest();
        form.setParameter("asAtKind", "asAt");
        form.setParameter("asAtDay", "18");
        form.setParameter("asAtMonth", "7");
        form.setParameter("asAtYear", "2017");
        assertThat(AsAt.of(form).asOfDate()).isNull();
        assertThat(AsAt.of(form).instant()).isEqualTo(Instant.parse("2017-07-18T22:59:59Z"));
    }
}
