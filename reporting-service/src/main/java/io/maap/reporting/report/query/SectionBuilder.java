package io.maap.reporting.report.query;

/**
 * One section of the annual report. Each is a Spring component; the report holds them in their
 * {@link org.springframework.core.annotation.Order} (gaps of 10 leave room: a section such as the
 * business plan's priorities is one more class).
 */
public interface SectionBuilder {

    AnnualReport.Section build(ReportInput input);
}
