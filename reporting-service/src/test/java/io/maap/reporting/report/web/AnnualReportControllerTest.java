package io.maap.reporting.report.web;

import io.maap.reporting.projection.query.ProgrammeViewCache;
import io.maap.reporting.ProjectionTestSupport;
import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.businessplan.query.AuditLearningViews;
import io.maap.reporting.businessplan.query.BusinessPlanProjection;
import io.maap.reporting.businessplan.query.BusinessPlanViews;
import io.maap.reporting.learning.query.LearningProjection;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.projection.query.ViewStores;
import io.maap.reporting.projection.query.ViewStoresStubs;
import io.maap.reporting.report.query.ActionsSection;
import io.maap.reporting.report.query.AgencyComplianceSection;
import io.maap.reporting.report.query.AnnualReports;
import io.maap.reporting.report.query.AuditsAgainstPlanSection;
import io.maap.reporting.report.query.BusinessPlanPrioritiesSection;
import io.maap.reporting.report.query.FindingsByAspectSection;
import io.maap.reporting.report.query.GoodPracticeSection;
import io.maap.reporting.report.query.Section11Section;
import io.maap.reporting.report.query.SuccessMeasuresSection;
import io.maap.reporting.returns.query.ReturnsProjection;
import io.maap.reporting.scorecard.query.BoardFeed;
import io.maap.reporting.scorecard.query.ProgrammeTallies;
import io.maap.reporting.scorecard.query.Scorecards;
import io.maap.support.calendar.Lateness;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.web.ProblemDetailsAdvice;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The annual audit overview report over REST (issue 21): the PDF is tagged (structure tree, marked
 * content), embeds its fonts and reads as the report's text; the spreadsheet has one sheet per
 * section whose cells hold the figures; both are downloads named for the programme and day, and
 * "as of" a date shows the position then.
 */
@WebMvcTest(controllers = AnnualReportController.class)
@Import({ProblemDetailsAdvice.class, Scorecards.class, ProgrammeTallies.class, ProgrammeViewCache.class,
        BoardFeed.class, AnnualReports.class, PdfReport.class,
        SpreadsheetReport.class, AuditsAgainstPlanSection.class, AgencyComplianceSection.class,
        FindingsByAspectSection.class, GoodPracticeSection.class, ActionsSection.class, Section11Section.class,
        BusinessPlanPrioritiesSection.class, SuccessMeasuresSection.class, BusinessPlanViews.class, AuditLearningViews.class,
        AnnualReportControllerTest.Support.class})
class AnnualReportControllerTest {

    private static final LocalDate TODAY = LocalDate.of(2018, 6, 29);

    @TestConfiguration
    static class Support {
        @Bean
        Lateness lateness() {
            return new Lateness(WorkingDayCalendar.englandAndWales());
        }

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2018-06-29T12:00:00Z"), ZoneId.of("Europe/London"));
        }
    }

    @Autowired
    WebApplicationContext context;
    @MockitoBean
    ViewStores views;
    @MockitoBean
    io.maap.support.access.AccessRecords accessRecords;
    MockMvc mvc;
    ProjectionStore store;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
        store = ProjectionTestSupport.newStore();
        store.mongo().insert(new Document("_id", "rbr-2017-18").append("partnership", "Redbridge LSCB")
                .append("title", "Multi-Agency Audit Programme 2017 - 2018").append("periodStart", "2017-04-01")
                .append("periodEnd", "2018-03-31"), store.collection(AuditsProjection.PROGRAMMES));
        store.mongo().insert(List.of(
                new Document("_id", "rbr-2017-neglect").append("programmeId", "rbr-2017-18")
                        .append("title", "Care Plans under the category of Neglect").append("theme", "Neglect")
                        .append("stage", "SIGNED_OFF").append("milestones", new Document()
                                .append("TOOL_SENT", milestone("2017-04-03", "DAY", "2017-04-03"))
                                .append("CHALLENGE_DAY", milestone("2017-05-22", "WEEK_COMMENCING", "2017-05-24"))
                                .append("SIGNED_OFF", milestone("2017-09-01", "MONTH", "2017-10-04"))),
                new Document("_id", "rbr-2017-missing").append("programmeId", "rbr-2017-18")
                        .append("title", "Children who go missing").append("theme", "Missing").append("stage", "PLANNED")
                        .append("milestones", new Document()
                                .append("TOOL_SENT", milestone("2017-07-03", "DAY", null))
                                .append("SIGNED_OFF", milestone("2017-09-01", "MONTH", null))),
                new Document("_id", "rbr-s11").append("programmeId", "rbr-2017-18").append("kind", "SECTION_11")
                        .append("title", "Section 11 Audit").append("theme", "Section 11").append("stage", "MONITORING")
                        .append("participatingAgencies", List.of("met-police", "nelft"))
                        .append("section11Agencies", new Document("met-police", new Document("SELF_ASSESSMENT_SUBMITTED", "2016-12-05")
                                .append("CHALLENGE_PANEL_HELD", "2017-02-14").append("ACTION_PLAN_RECEIVED", "2017-06-30"))
                                .append("nelft", new Document("SELF_ASSESSMENT_SUBMITTED", "2016-12-09")))
                        .append("milestones", new Document()
                                .append("TOOL_SENT", milestone("2016-12-01", "MONTH", "2016-12-05"))
                                .append("ACTION_PLANS_PRESENTED", new Document("actual", "2017-07-18"))
                                .append("SIGNED_OFF", milestone("2018-12-01", "MONTH", null)))),
                store.collection(AuditsProjection.AUDITS));
        store.mongo().insert(List.of(
                request("r1", "met-police").append("received", true).append("awaitingAgency", false).append("status", "ACCEPTED")
                        .append("firstSubmittedOn", "2017-04-20").append("firstWorkingDaysLate", 0),
                request("r2", "nelft").append("received", false).append("awaitingAgency", true).append("status", "AWAITING")),
                store.collection(ReturnsProjection.RETURNS));
        store.mongo().insert(List.of(
                finding("f1", "VOICE_OF_THE_CHILD", "Voice of the child", "GOOD_PRACTICE", "2017-05-24")
                        .append("summary", "The child's own words recorded in every plan").append("recognised", true)
                        .append("recognisedOn", "2017-10-10"),
                finding("f2", "MANAGEMENT_OVERSIGHT", "Management oversight/supervision", "AREA_FOR_IMPROVEMENT", "2017-05-24")
                        .append("summary", "Supervision inconsistent")),
                store.collection(LearningProjection.FINDINGS));
        store.mongo().insert(List.of(
                action("x1", "Audit supervision records quarterly", "2017-12-29").append("open", true),
                action("x2", "Brief staff on the voice of the child", "2017-11-30").append("open", false)
                        .append("closedOn", "2017-11-20")),
                store.collection(LearningProjection.ACTIONS));
        store.mongo().insert(List.of(
                plan("rbr-plan-2017-18", "LSCB Business Plan 2017/18", "2017-04-01", "2018-03-31", "2017-04-01")
                        .append("priorities", List.of(
                                new Document("priorityId", "1.1").append("title", "Tackle neglect early")
                                        .append("actions", List.of(new Document("actionId", "a1").append("ref", "1.1a"))),
                                new Document("priorityId", "2.1").append("title", "Find children who go missing")
                                        .append("actions", List.of())))
                        .append("ratings", List.of(
                                rating("1.1", 1, "AMBER", "2017-07-10"), rating("1.1", 2, "GREEN", "2017-10-09"))),
                plan("rbr-plan-2014-15", "Final LSCB Business Plan 2014/15", "2014-04-01", "2015-03-31", "2014-04-01")
                        .append("priorities", List.of(new Document("priorityId", "9.9").append("title", "An old priority")
                                .append("actions", List.of())))),
                store.collection(BusinessPlanProjection.PLANS));
        store.mongo().insert(List.of(
                link("1.1", "AUDIT", null), link("1.1", "FINDING", "f1"), link("1.1", "FINDING", "f2"),
                link("1.1", "ACTION", "x1"), link("1.1", "ACTION", "x2")),
                store.collection(BusinessPlanProjection.LINKS));
        store.mongo().insert(new Document("_id", "rbr-2017-neglect").append("auditId", "rbr-2017-neglect")
                        .append("programmeId", "rbr-2017-18")
                        .append("measures", List.of(new Document("measureId", "m1")
                                .append("description", "Every plan records the child's wishes")))
                        .append("evaluations", List.of(new Document("measureId", "m1").append("outcome", "PARTLY_MET")
                                .append("evidence", "Nine of twelve plans").append("evaluatedOn", "2017-10-04")))
                        .append("disseminations", List.of(new Document("disseminationId", "d1")
                                .append("channel", "NEWSLETTER").append("what", "Neglect audit learning brief")
                                .append("sentTo", "All LSCB partners").append("sentOn", "2017-10-20"))),
                store.collection(BusinessPlanProjection.AUDIT_LEARNING));
        ViewStoresStubs.over(views, store, TODAY);
    }

    @Test
    void thePdfIsTaggedEmbedsItsFontAndReadsAsTheReport() throws Exception {
        MvcResult result = mvc.perform(get("/api/annual-reports/rbr-2017-18.pdf"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("annual-report-rbr-2017-18-2018-06-29.pdf")))
                .andReturn();
        try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).as("StructTreeRoot").isNotNull();
            assertThat(pdf.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).as("MarkInfo /Marked").isTrue();
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(pdf.getDocumentInformation().getTitle()).contains("Multi-Agency Audit Programme 2017 - 2018");
            Set<String> tags = new HashSet<>();
            collect(pdf.getDocumentCatalog().getStructureTreeRoot(), tags);
            assertThat(tags).contains("H1", "H2", "Table", "TH", "TD");
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                }
            }
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Annual audit overview report", "Multi-Agency Audit Programme 2017 - 2018",
                    "Figures as of 29 June 2018", "Audits done against planned", "Care Plans under the category of Neglect",
                    "W/C 22 May 2017", "Agency compliance", "met-police", "Findings by aspect", "Voice of the child",
                    "Good practice recognised", "The child's own words recorded in every plan", "10 October 2017",
                    "Actions open, closed, overdue", "Audit supervision records quarterly", "Section 11 status",
                    "action plans presented to the Board on 18 July 2017", "Audits by stage: Planned 1 audits",
                    "Business-plan priorities", "whose period overlaps the programme year (1 April 2017 to 31 March 2018)",
                    "LSCB Business Plan 2017/18: priorities by RAG", "1.1 Tackle neglect early",
                    "2.1 Find children who go missing", "Not rated",
                    "Priorities by current RAG: Green 1 priorities; Amber 0 priorities; Red 0 priorities; Not yet rated 1",
                    "Success measures, dissemination", "Every plan records the child's wishes", "Partly met",
                    "Neglect audit learning brief", "20 October 2017");
            assertThat(text).doesNotContain("An old priority");
        }
    }

    @Test
    void withNoBusinessPlanForTheYearTheSectionSaysSo() throws Exception {
        store.mongo().remove(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is("rbr-plan-2017-18")),
                store.collection(BusinessPlanProjection.PLANS));
        String none = "There is no business plan of Redbridge LSCB for the programme year (1 April 2017 to 31 March 2018), "
                + "so there is no progress against priorities to report.";
        MvcResult pdf = mvc.perform(get("/api/annual-reports/rbr-2017-18.pdf")).andExpect(status().isOk()).andReturn();
        try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains(none, "Business plans on record for other years: Final LSCB Business Plan 2014/15 "
                    + "(1 April 2014 to 31 March 2015).");
            assertThat(text).doesNotContain("priorities by RAG");
        }
        MvcResult xlsx = mvc.perform(get("/api/annual-reports/rbr-2017-18.xlsx")).andExpect(status().isOk()).andReturn();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            assertThat(cells(book.getSheet("Business-plan priorities"))).containsExactly("Business-plan priorities", none,
                    "Business plans on record for other years: Final LSCB Business Plan 2014/15 (1 April 2014 to 31 March 2015).");
        }
    }

    @Test
    void theSpreadsheetHasASheetPerSectionWithTheFiguresInItsCells() throws Exception {
        MvcResult result = mvc.perform(get("/api/annual-reports/rbr-2017-18.xlsx"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("annual-report-rbr-2017-18-2018-06-29.xlsx")))
                .andReturn();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            List<String> sheets = new ArrayList<>();
            book.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("Cover", "Audits done against planned", "Agency compliance",
                    "Findings by aspect", "Good practice recognised", "Actions open, closed, overdue", "Section 11 status",
                    "Business-plan priorities", "Success measures, dissemination");
            assertThat(cells(book.getSheet("Cover"))).contains("Figures as of 29 June 2018");
            Sheet compliance = book.getSheet("Agency compliance");
            Row metPolice = rowStartingWith(compliance, "met-police");
            assertThat(metPolice.getCell(1).getNumericCellValue()).isEqualTo(1.0);
            assertThat(metPolice.getCell(3).getNumericCellValue()).isEqualTo(1.0);
            assertThat(rowStartingWith(compliance, "nelft").getCell(7).getNumericCellValue()).as("nelft overdue").isEqualTo(1.0);
            Row aspect = rowStartingWith(book.getSheet("Findings by aspect"), "Management oversight/supervision");
            assertThat(aspect.getCell(2).getNumericCellValue()).isEqualTo(1.0);
            Row overdue = rowStartingWith(book.getSheet("Actions open, closed, overdue"), "Audit supervision records quarterly");
            assertThat(overdue.getCell(2).getStringCellValue()).isEqualTo("met-police");
            assertThat(cells(book.getSheet("Section 11 status"))).contains("14 February 2017");
            assertThat(((XSSFSheet) book.getSheet("Audits done against planned")).getDrawingPatriarch().getCharts())
                    .as("bar charts").hasSize(2);
            Sheet plan = book.getSheet("Business-plan priorities");
            Row neglect = rowStartingWith(plan, "1.1 Tackle neglect early");
            List<String> texts = new ArrayList<>();
            List<Double> numbers = new ArrayList<>();
            for (int c = 1; c <= 5; c++) {
                texts.add(neglect.getCell(c).getStringCellValue());
            }
            for (int c = 6; c <= 12; c++) {
                numbers.add(neglect.getCell(c).getNumericCellValue());
            }
            assertThat(texts).as("current RAG, Q1-Q4").containsExactly("Green", "Amber", "Green", "", "");
            assertThat(numbers).as("audits linked, closed; AFI, good practice; actions open, overdue, closed")
                    .containsExactly(1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0);
            assertThat(rowStartingWith(plan, "2.1 Find children who go missing").getCell(1).getStringCellValue())
                    .isEqualTo("Not rated");
            assertThat(rowStartingWith(plan, "Care Plans under the category of Neglect").getCell(2).getStringCellValue())
                    .as("linked audit's stage").isEqualTo("Signed off");
            assertThat(((XSSFSheet) plan).getDrawingPatriarch().getCharts()).as("RAG chart").hasSize(1);
            Row measure = rowStartingWith(book.getSheet("Success measures, dissemination"),
                    "Care Plans under the category of Neglect");
            assertThat(measure.getCell(2).getStringCellValue()).isEqualTo("Partly met");
        }
    }

    @Test
    void asOfADateTheReportShowsThePositionThen() throws Exception {
        mvc.perform(get("/api/annual-reports/rbr-2017-18").param("asOf", "2017-05-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2017-05-01"))
                .andExpect(jsonPath("$.sections[0].id").value("audits"))
                .andExpect(jsonPath("$.sections[0].tables[0].rows[1][2]").value("Commissioned"))
                .andExpect(jsonPath("$.sections[2].tables[0].rows.length()").value(0))
                .andExpect(jsonPath("$.sections[4].paragraphs[0]").value(org.hamcrest.Matchers.startsWith("0 actions")))
                .andExpect(jsonPath("$.sections[6].id").value("business-plan"))
                .andExpect(jsonPath("$.sections[6].tables[0].rows[0][1]").value("Not rated"))
                .andExpect(jsonPath("$.sections[6].tables[0].rows[0][6]").value(0))
                .andExpect(jsonPath("$.sections[7].tables[0].rows[0][2]").value("Not yet evaluated"))
                .andExpect(jsonPath("$.sections[7].tables[1].rows.length()").value(0));
        mvc.perform(get("/api/annual-reports/rbr-2017-18.pdf").param("asOf", "2017-05-01"))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("annual-report-rbr-2017-18-2017-05-01.pdf")));
    }

    @Test
    void anUnknownProgrammeIsNotFoundAndBadDatesAreRefused() throws Exception {
        mvc.perform(get("/api/annual-reports/nope.pdf")).andExpect(status().isNotFound());
        mvc.perform(get("/api/annual-reports/nope.xlsx")).andExpect(status().isNotFound());
        mvc.perform(get("/api/annual-reports/rbr-2017-18.xlsx").param("asOf", "not-a-date")).andExpect(status().isBadRequest());
    }

    private static Document milestone(String planned, String precision, String actual) {
        Document m = new Document("planned", new Document("date", planned).append("precision", precision));
        return actual == null ? m : m.append("actual", actual);
    }

    private static Document plan(String id, String title, String start, String end, String adopted) {
        return new Document("_id", id).append("planId", id).append("partnership", "Redbridge LSCB").append("title", title)
                .append("periodStart", start).append("periodEnd", end).append("adoptedOn", adopted);
    }

    private static Document rating(String priority, int quarter, String rag, String on) {
        return new Document("priorityId", priority).append("quarter", quarter).append("rag", rag)
                .append("reason", "Reviewed by the Board").append("ratedOn", on);
    }

    private static Document link(String priority, String kind, String item) {
        return new Document("_id", "rbr-plan-2017-18/" + priority + "/" + kind + "/" + item).append("planId", "rbr-plan-2017-18")
                .append("priorityId", priority).append("kind", kind).append("auditId", "rbr-2017-neglect")
                .append("itemId", item).append("linkedOn", "2017-10-10");
    }

    private static Document request(String id, String agency) {
        return new Document("_id", id).append("programmeId", "rbr-2017-18").append("auditId", "rbr-2017-neglect")
                .append("agency", agency).append("caseReference", "RBR-1704-N01").append("requestedOn", "2017-04-03")
                .append("originalDueDate", "2017-05-12").append("dueDate", "2017-05-12").append("nil", false)
                .append("sentBackCount", 0);
    }

    private static Document finding(String id, String aspect, String label, String kind, String on) {
        return new Document("_id", "rbr-2017-neglect/" + id).append("findingId", id).append("auditId", "rbr-2017-neglect")
                .append("programmeId", "rbr-2017-18").append("aspect", aspect).append("aspectLabel", label)
                .append("kind", kind).append("agencies", List.of("met-police")).append("recordedOn", on)
                .append("recognised", false);
    }

    private static Document action(String id, String description, String due) {
        return new Document("_id", "rbr-2017-neglect/" + id).append("actionId", id).append("planId", "p1")
                .append("auditId", "rbr-2017-neglect").append("programmeId", "rbr-2017-18").append("description", description)
                .append("owningAgency", "met-police").append("lead", "DI Smith").append("dueDate", due)
                .append("addedOn", "2017-10-10").append("updatesMissed", 0)
                .append("history", List.of(new Document("kind", "ADDED").append("on", "2017-10-10")));
    }

    private static void collect(PDStructureNode node, Set<String> tags) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                tags.add(element.getStructureType());
                collect(element, tags);
            }
        }
    }

    private static List<String> cells(Sheet sheet) {
        DataFormatter format = new DataFormatter();
        List<String> cells = new ArrayList<>();
        sheet.forEach(row -> row.forEach(cell -> cells.add(format.formatCellValue(cell))));
        return cells;
    }

    private static Row rowStartingWith(Sheet sheet, String first) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && first.equals(row.getCell(0).toString())) {
                return row;
            }
        }
        throw new AssertionError("No row starting with " + first + " on " + sheet.getSheetName());
    }
}
