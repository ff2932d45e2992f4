package io.maap.dashboard.page.web;

import io.maap.dashboard.page.web.Formats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    private final Formats formats = new Formats();

    @Test
    void datesAndCodesReadAsGovUkContentDoes() {
        assertThat(formats.date("2017-07-18")).isEqualTo("18 July 2017");
        assertThat(formats.date(null)).isEqualTo("–");
        assertThat(formats.planned("2017-05-22", "WEEK_COMMENCING")).isEqualTo("w/c 22 May 2017");
        assertThat(formats.planned("2018-03-01", "MONTH")).isEqualTo("March 2018");
        assertThat(formats.words("AWAITING_QA")).isEqualTo("Awaiting QA");
        assertThat(formats.returnStatus("SUBMITTED")).isEqualTo("Awaiting QA");
        assertThat(formats.returnStatus("AWAITING")).isEqualTo("Awaiting return");
        assertThat(formats.words("lbr-childrens-social-care")).isEqualTo("Lbr childrens social care");
        assertThat(formats.tagClass("OVERDUE")).isEqualTo("govuk-tag govuk-tag--red");
        assertThat(formats.percent(0.755)).isEqualTo("76%");
    }
}
