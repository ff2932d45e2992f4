package io.maap.systemtests.dashboard;

import io.maap.local.MaapServices;
import io.maap.local.MaapServices.Service;
import io.maap.local.identity.DemoUsers;
import io.maap.systemtests.TestPlatform;
import io.maap.testsupport.api.ApiClient;
import io.maap.testsupport.api.ReturnRequests;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web dashboard in headless Chromium against the running services with the demo data: every
 * page shows what the services hold and passes axe-core's WCAG 2.2 AA rules, and the main flow
 * (commission, submit, overdue, finding, action closed, scorecard) works through the forms.
 * With {@code -Dmaap.screenshots=<dir>} it also keeps a screenshot of each page (./screenshots.sh).
 */
class DashboardIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    /** The head of a case reference the partnership issued to the demo's current audits (month varies). */
    private static final String ISSUED = "RBR-\\d{4}-";
    private static MaapServices services;
    private static Browser browser;

    @BeforeAll
    static void start() {
        services = TestPlatform.withDemoData();
        ApiClient reporting = TestPlatform.api(Service.REPORTING);
        // The read side has caught up with the demo data once the current audits' overdue returns and the 2017 actions show.
        Awaitility.await().atMost(EVENTUALLY).until(() -> {
            JsonNode overdue = reporting.getJson("/api/outstanding-returns?programmeId=redbridge-current&overdue=true");
            JsonNode actions = reporting.getJson("/api/actions?auditId=rbr-2017-neglect");
            JsonNode concerns = reporting.getJson("/api/safeguarding-concerns");
            return overdue.get("total").asInt() > 0 && actions.get("total").asInt() > 0 && concerns.get("total").asInt() > 0;
        });
        browser = new Browser(services.baseUrl(Service.DASHBOARD)).signIn("qa.coordinator", DemoUsers.PASSWORD);
        assertThat(browser.open("/").text("#signed-in-as")).isEqualTo("QA coordinator");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyPageShowsTheDemoDataAndIsAccessible() {
        browser.open("/").accessible().screenshot("home");
        assertThat(browser.text("#audits")).contains("Services' response to e-safety and peer-on-peer sexual abuse");

        browser.open("/scorecard?programmeId=redbridge-current").accessible().screenshot("scorecard");
        assertThat(browser.h1()).isEqualTo("QA scorecard");
        assertThat(Integer.parseInt(browser.text("#returns-expected"))).isGreaterThanOrEqualTo(28);
        assertThat(Integer.parseInt(browser.text("#returns-overdue"))).isPositive();
        assertThat(browser.all("canvas#returns-chart")).hasSize(1);
        awaitChartDrawn("returns-chart");

        browser.open("/scorecard?programmeId=redbridge-2017-18").accessible();
        assertThat(browser.text("#findings-figures")).contains("Voice of the child");
        awaitChartDrawn("findings-chart");

        browser.open("/programmes/redbridge-2017-18/schedule").accessible().screenshot("schedule");
        assertThat(browser.text("#schedule")).contains("Neglect", "Planned 3 April 2017", "Met");
        awaitChartDrawn("timeline-chart");

        browser.open("/overdue-returns").accessible().screenshot("overdue-returns");
        assertThat(String.join("\n", browser.texts("#overdue-table tbody tr"))).containsPattern(ISSUED + "E04").contains("Bhrut", "Overdue");
        List<Integer> late = browser.texts("#overdue-table tbody tr td:last-child").stream().map(Integer::parseInt).toList();
        assertThat(late).isNotEmpty().allMatch(days -> days > 0).isSortedAccordingTo((a, b) -> b - a);
        browser.open("/overdue-returns?agency=nelft&order=DUE_DATE").accessible();
        assertThat(browser.texts("#overdue-table tbody tr")).isNotEmpty().allSatisfy(row -> assertThat(row).contains("Nelft"));

        browser.open("/audits/rbr-current-esafety/matrix").accessible().screenshot("audit-matrix");
        assertThat(browser.text("#matrix")).containsPattern(ISSUED + "E01").contains("Accepted", "Nil return", "Sent back", "Overdue", "Awaiting QA");

        browser.open("/agency-compliance?programmeId=redbridge-current").accessible().screenshot("agency-compliance");
        assertThat(browser.all("#compliance tbody tr")).hasSize(4);
        assertThat(browser.text("#compliance tbody tr:first-child")).startsWith("1");

        browser.open("/actions?programmeId=redbridge-2017-18").accessible().screenshot("action-tracker");
        assertThat(browser.all(".govuk-summary-card")).isNotEmpty();
        assertThat(browser.text("#main-content")).contains("Closed"); // monitored and closed in 2018
        browser.click(browser.find(".govuk-details__summary"));
        assertThat(browser.find(".govuk-details__text").getText()).contains("Added");

        browser.open("/safeguarding-concerns").accessible().screenshot("safeguarding-concerns");
        assertThat(browser.text("#concerns")).contains("A younger sibling is not known to children's services");

        browser.open("/returns?agency=met-police").accessible().screenshot("return-requests");
        assertThat(browser.text("#requests")).containsPattern(ISSUED + "E04").contains("Sent back");

        browser.open("/audits/rbr-2017-neglect/learning").accessible().screenshot("findings-and-actions");
        assertThat(browser.all("#findings tbody tr")).isNotEmpty();

        browser.open("/audits/rbr-2017-neglect").accessible().screenshot("audit");
        assertThat(browser.text("#audit-summary")).contains("Neglect");

        browser.open("/audits/new").accessible().screenshot("commission-an-audit");
        browser.open("/rebuilds").accessible().screenshot("rebuilds");
        assertThat(browser.find("#rebuild-bar").getTagName()).isEqualTo("progress");
    }

    @Test
    void anAgencySpocSeesOnlyTheirAgencysReturnsAndCannotReachTheBoardsViews() {
        try (Browser spoc = new Browser(services.baseUrl(Service.DASHBOARD)).signIn("spoc.nelft", DemoUsers.PASSWORD)) {
            // Asking for another agency's overdue returns shows none: the service answers for the token's agency only.
            spoc.driver().get(services.baseUrl(Service.DASHBOARD) + "/overdue-returns?agency=met-police");
            assertThat(spoc.texts("#overdue-table tbody tr")).isEmpty();
            spoc.open("/overdue-returns");
            assertThat(spoc.text("#signed-in-as")).isEqualTo("SPOC, nelft");
            assertThat(spoc.texts("#overdue-table tbody tr")).isNotEmpty().allSatisfy(row -> assertThat(row).contains("Nelft"));
            spoc.driver().get(services.baseUrl(Service.DASHBOARD) + "/agency-compliance?programmeId=redbridge-current");
            assertThat(spoc.driver().findElements(org.openqa.selenium.By.id("compliance"))).isEmpty();
            assertThat(spoc.text("h1")).isEqualTo("You cannot see this page");
        }
    }

    /**
     * Sign-out ends the provider's session too: the provider sends the person back to the dashboard,
     * which sends them to sign in, and the provider asks for the password (a local-only sign-out would
     * be signed straight back in by the provider's session).
     */
    @Test
    void signingOutEndsTheSessionAtTheIdentityProviderToo() {
        try (Browser person = new Browser(services.baseUrl(Service.DASHBOARD)).signIn("spoc.nelft", DemoUsers.PASSWORD)) {
            person.open("/overdue-returns");
            assertThat(person.text("#signed-in-as")).isEqualTo("SPOC, nelft");

            person.find("#sign-out").click();

            try {
                new WebDriverWait(person.driver(), Duration.ofSeconds(30))
                        .until(d -> !d.findElements(By.id("username")).isEmpty());
            } catch (org.openqa.selenium.TimeoutException notAskedAgain) {
                throw new AssertionError("After signing out the browser was not asked to sign in again; it is at "
                        + person.driver().getCurrentUrl() + " showing: " + person.text("body"), notAskedAgain);
            }
            assertThat(person.driver().getCurrentUrl()).startsWith(TestPlatform.identityUrl());
        }
    }

    @Test
    void theSpocsMessagesAreOnTheSentNotificationsPageAndInTheirMailbox() {
        // Commissioning the demo audits told each SPOC once per audit; the QA coordinator sees every agency's messages.
        Awaitility.await().atMost(EVENTUALLY).until(() -> browser.open("/notifications?status=SENT")
                .texts("#notifications tbody tr").stream().anyMatch(row -> row.contains("Audit tool")));
        browser.accessible().screenshot("notifications");
        assertThat(browser.texts("#notifications tbody tr")).allSatisfy(row -> assertThat(row).contains("Sent"));
        assertThat(java.util.Arrays.stream(TestPlatform.mail().getReceivedMessages()).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).contains("spoc.nelft@demo.maap.local", "spoc.met-police@demo.maap.local");

        browser.open("/contacts").accessible().screenshot("contacts");
        assertThat(browser.texts("#contacts tbody tr")).anySatisfy(row -> assertThat(row).contains("spoc.nelft@demo.maap.local"));

        try (Browser spoc = new Browser(services.baseUrl(Service.DASHBOARD)).signIn("spoc.nelft", DemoUsers.PASSWORD)) {
            spoc.open("/notifications");
            assertThat(spoc.texts("#notifications tbody tr")).isNotEmpty().allSatisfy(row -> assertThat(row).contains("Nelft"));
            spoc.open("/contacts");
            assertThat(spoc.texts("#contacts tbody tr")).isNotEmpty().allSatisfy(row -> assertThat(row).contains("Nelft"));
        }
    }

    @Test
    void theQaCoordinatorSetsAnAgencysWebhookWhoseSecretIsNeverShownBackAndASpocSeesOnlyTheirOwn() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(key);
        String url = "https://bhrut.example/maap-dashboard-it";
        try {
            browser.open("/agency-webhooks");
            new Select(browser.find("#agency")).selectByValue("bhrut");
            browser.type("url", url);
            browser.type("secret", secret);
            browser.click("set-webhook");
            browser.accessible().screenshot("agency-webhooks");

            assertThat(browser.text(".govuk-notification-banner")).contains("Webhook saved");
            assertThat(browser.texts("#webhooks tbody tr")).anySatisfy(row -> assertThat(row).containsIgnoringCase("bhrut")
                    .contains(url).contains("whsec_…" + secret.substring(secret.length() - 4)));
            assertThat(browser.driver().getPageSource()).doesNotContain(secret.substring("whsec_".length()));
            assertThat(browser.find("#secret").getDomProperty("value")).isEmpty();

            try (Browser spoc = new Browser(services.baseUrl(Service.DASHBOARD)).signIn("spoc.nelft", DemoUsers.PASSWORD)) {
                spoc.open("/agency-webhooks");
                assertThat(spoc.texts("#webhooks tbody tr")).noneSatisfy(row -> assertThat(row).containsIgnoringCase("bhrut"));
            }
        } finally {
            TestPlatform.api(Service.NOTIFICATION).send("DELETE", "/api/agency-webhooks/bhrut", null);
        }
    }

    @Test
    void withoutSigningInEveryPageSendsThePersonToSignIn() {
        ApiClient.Response response = TestPlatform.api(Service.DASHBOARD, null).get("/overdue-returns");
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/oauth2/authorization/maap");
    }

    @Test
    void asAtShowsAViewAsItStoodOnAPastDay() {
        browser.open("/overdue-returns?programmeId=redbridge-current");
        assertThat(browser.texts("#overdue-table tbody tr")).isNotEmpty();
        LocalDate lastYear = LocalDate.now(ZoneId.of("Europe/London")).minusYears(1);
        browser.type("asAtDay", String.valueOf(lastYear.getDayOfMonth()));
        browser.type("asAtMonth", String.valueOf(lastYear.getMonthValue()));
        browser.type("asAtYear", String.valueOf(lastYear.getYear()));
        browser.click("asAtShow");
        assertThat(browser.text("#asAtNotice")).contains("Showing this page as recorded by the end of", "\"as at\"");
        assertThat(browser.text("#results-count")).isEqualTo("0 returns");
        browser.accessible();

        browser.open("/scorecard?programmeId=redbridge-current&asAtDay=31&asAtMonth=2&asAtYear=2020");
        assertThat(browser.text(".govuk-error-message")).contains("Enter a real date");
        browser.accessible();
    }

    /**
     * "As of" a date on the pages over the scorecard, compliance and concerns (and every other
     * reporting page): the choice and the legend say the page shows the position on that date by
     * when things happened, and the 2017 programme, entered today, shows its 2017 returns.
     */
    @Test
    void asOfShowsTheScorecardComplianceAndConcernsAsThingsStoodOnADate() {
        browser.open("/scorecard?programmeId=redbridge-2017-18");
        browser.click("asAtKindAsOf");
        browser.type("asAtDay", "18");
        browser.type("asAtMonth", "7");
        browser.type("asAtYear", "2017");
        browser.click("asAtShow");
        assertThat(browser.text("#asAtLegend")).isEqualTo("Show as of");
        assertThat(browser.text("#asAtNotice")).contains("Showing this page as of", "18 July 2017", "\"as of\" a date");
        assertThat(browser.find("#asAtKindAsOf").isSelected()).isTrue();
        // The page shows reporting's position on that date. The demo's audits alone give 65 requested and 27 received
        // by then (DemoYearIT has their figures); other tests of this JVM commission audits in the same programme.
        JsonNode then = TestPlatform.api(Service.REPORTING)
                .getJson("/api/scorecard?programmeId=redbridge-2017-18&asOf=2017-07-18").get("figures").get("returns");
        assertThat(then.get("expected").asInt()).isGreaterThanOrEqualTo(65);
        assertThat(then.get("received").asInt()).isGreaterThanOrEqualTo(27);
        assertThat(browser.text("#returns-expected")).isEqualTo(then.get("expected").asString());
        assertThat(browser.text("#returns-received")).isEqualTo(then.get("received").asString());
        browser.accessible();

        browser.open("/agency-compliance?programmeId=redbridge-2017-18&asOf=2017-07-18");
        assertThat(browser.text("#asAtNotice")).contains("Showing this page as of", "18 July 2017");
        assertThat(browser.all("#compliance tbody tr")).isNotEmpty();
        browser.accessible();

        // The demo's concerns were raised in the current programme, long after 18 July 2017.
        browser.open("/safeguarding-concerns?asOf=2017-07-18");
        assertThat(browser.text("#asAtNotice")).contains("Showing this page as of", "18 July 2017");
        assertThat(browser.all("#no-concerns")).hasSize(1);
        browser.accessible();
        browser.open("/safeguarding-concerns");
        assertThat(browser.all("#concerns tbody tr")).isNotEmpty();

        browser.open("/programmes/redbridge-2017-18/schedule?asOf=2017-07-18");
        assertThat(browser.text("#asAtLegend")).isEqualTo("Show as of");
        assertThat(browser.text("#schedule")).contains("Neglect");
        browser.accessible();
    }

    /** The owning agency's lead officer proposes closure with evidence of impact; the partnership returns it. */
    @Test
    void aLeadOfficerProposesClosureWithEvidenceAndThePartnershipReturnsIt() {
        // The 2017-18 programme's actions are all closed; the current year's e-safety audit has one open.
        JsonNode open = TestPlatform.api(Service.REPORTING).getJson("/api/actions?auditId=rbr-current-esafety&open=true");
        JsonNode action = open.get("items").get(0);
        String page = "/audits/rbr-current-esafety/actions/" + action.get("actionId").asString();
        try (Browser lead = new Browser(services.baseUrl(Service.DASHBOARD))
                .signIn("lead." + action.get("owningAgency").asString(), DemoUsers.PASSWORD)) {
            lead.open(page);
            lead.click("propose-closure");
            assertThat(lead.text(".govuk-error-summary")).contains("There is a problem");
            lead.type("proposalEvidence", "Re-audit: the child's wishes recorded in 9 of 10 plans.");
            lead.type("proposedBy", "Lead officer");
            lead.click("propose-closure");
            assertThat(lead.text(".govuk-notification-banner")).contains("Closure proposed");
            lead.accessible();
        }
        awaitPage(() -> {
            browser.open(page);
            return !browser.all("#closure-proposal").isEmpty();
        });
        browser.accessible().screenshot("closure-proposed");
        assertThat(browser.text("#action-history")).contains("Re-audit: the child's wishes recorded in 9 of 10 plans.");
        browser.type("returnReason", "Show the re-audit's sample.");
        browser.type("returnedBy", "QA coordinator");
        browser.click("return-closure");
        assertThat(browser.text(".govuk-notification-banner")).contains("Closure proposal returned");
        awaitPage(() -> {
            browser.open(page);
            return !browser.all("#propose-closure").isEmpty();
        });
        assertThat(browser.text("#action-status")).isEqualTo("Open");
    }

    /** Commission → submit → overdue shows → finding → action closed → scorecard changes, all through the pages. */
    @Test
    void theMainFlowWorksThroughTheForms() {
        String auditId = "dash-" + UUID.randomUUID().toString().substring(0, 8);
        // 40 days ago: at least 24 working days, so the returns, due on the 15th working day, are overdue.
        LocalDate toolSent = LocalDate.now(ZoneId.of("Europe/London")).minusDays(40);

        // Commission: a mistake first, shown beside its field.
        browser.open("/audits/new");
        browser.type("auditId", auditId);
        browser.type("title", "Dashboard flow audit");
        browser.type("theme", "Neglect");
        browser.type("leadOfficer", "QA coordinator");
        browser.type("toolSentOn-day", String.valueOf(toolSent.getDayOfMonth()));
        browser.type("toolSentOn-month", String.valueOf(toolSent.getMonthValue()));
        browser.type("toolSentOn-year", String.valueOf(toolSent.getYear()));
        browser.type("questions", "Was the child seen and heard?\nWas information shared promptly?");
        browser.type("caseCount", "2");
        for (String agency : List.of("participatingAgencies", "participatingAgencies-nelft", "participatingAgencies-bhrut",
                "participatingAgencies-lbr-childrens-social-care")) {
            browser.click(agency); // every agency is ticked at first
        }
        browser.click("commission");
        assertThat(browser.text(".govuk-error-summary")).contains("There is a problem");
        assertThat(browser.text("#participatingAgencies-error")).isNotBlank();
        browser.accessible().screenshot("commission-an-audit-errors");
        browser.click("participatingAgencies");
        browser.click("participatingAgencies-nelft");
        browser.click("commission");
        assertThat(browser.text(".govuk-notification-banner")).contains("Audit commissioned");
        assertThat(browser.text("#audit-summary")).contains("Commissioned", "Met police", "Nelft");
        // The partnership issued the references: read them where the audit shows them.
        List<String> cases = java.util.Arrays.stream(browser.text("#audit-cases").split(":", 2)[1].split(","))
                .map(String::strip).toList();
        assertThat(cases).hasSize(2).allMatch(c -> c.matches("^[A-Z]{2,6}-[0-9]{4}-N[0-9]{2,4}$"));

        // Submit a return for the police, through the form, with a blank answer refused first.
        String policeRequest = awaitRequest(auditId, "met-police", cases.get(0));
        browser.open("/returns/" + policeRequest);
        browser.type("submittedBy", "Police SPOC");
        browser.type("caseHolder", "DC Case Holder");
        browser.type("lineManager", "DS Line Manager");
        browser.type("auditor", "DI Independent");
        browser.type("answer-q1", "Seen alone twice; wishes recorded.");
        browser.click("submit-return");
        assertThat(browser.text(".govuk-error-summary")).contains("Answer to question 2");
        assertThat(browser.find("#answer-q2-error").getText()).contains("no information held");
        browser.accessible().screenshot("record-a-return-errors");
        browser.type("answer-q1", "Seen alone twice; wishes recorded.");
        browser.type("answer-q2", "no information held");
        browser.click("submit-return");
        assertThat(browser.text("#request-status")).isEqualTo("Awaiting QA");
        browser.accessible().screenshot("record-a-return");
        browser.type("acceptedBy", "LSCB QA Manager");
        browser.click("accept");
        assertThat(browser.text("#request-status")).isEqualTo("Accepted");

        // The returns nobody sent are overdue, and the overdue list follows changes without a reload.
        browser.open("/overdue-returns?auditId=" + auditId);
        awaitPage(() -> {
            browser.open("/overdue-returns?auditId=" + auditId);
            return browser.texts("#overdue-table tbody tr").size() == 3;
        });
        assertThat(browser.texts("#overdue-table tbody tr")).hasSize(3)
                .noneMatch(row -> row.contains(cases.get(0)) && row.contains("Met police"))
                .anyMatch(row -> row.contains(cases.get(1)) && row.contains("Nelft"));
        String nelftRequest = awaitRequest(auditId, "nelft", cases.get(0));
        TestPlatform.api(Service.CASE_RETURN).post("/api/return-requests/" + nelftRequest + "/nil-return",
                "{\"submittedBy\": \"NELFT SPOC\"}");
        Awaitility.await().atMost(EVENTUALLY).until(() -> browser.texts("#overdue-table tbody tr").size() == 2);
        assertThat(browser.text("#live-status")).startsWith("Updated at");

        // The scorecard before the learning.
        awaitPage(() -> {
            browser.open("/scorecard?auditId=" + auditId);
            return browser.text("#returns-accepted").equals("1") && browser.text("#returns-nil-returns").equals("1");
        });
        assertThat(browser.text("#actions-closed")).isEqualTo("0");
        assertThat(browser.all("#no-findings")).hasSize(1);

        // A finding, once action-plan-service knows the audit; an empty form first.
        awaitPage(() -> {
            browser.open("/audits/" + auditId + "/learning");
            return !browser.all("#record-finding").isEmpty();
        });
        browser.click("record-finding");
        browser.click("save-finding");
        assertThat(browser.text(".govuk-error-summary")).contains("There is a problem");
        assertThat(browser.all("#summary-error")).hasSize(1);
        browser.accessible().screenshot("record-a-finding-errors");
        new Select(browser.find("#aspect")).selectByValue("voice-of-the-child");
        browser.click("kind");
        browser.click("agencies");
        browser.type("summary", "The child's wishes were not recorded by every agency.");
        browser.type("recommendation", "Record the child's wishes at every contact.");
        browser.type("recordedBy", "Challenge day chair");
        browser.click("save-finding");
        assertThat(browser.text(".govuk-notification-banner")).contains("Finding recorded");
        // action-plan-service's query model follows its commands a moment later.
        awaitPage(() -> {
            browser.open("/audits/" + auditId + "/learning");
            return browser.text("#findings").contains("The child's wishes were not recorded by every agency.");
        });

        // An action, the Board's agreement, then closure: without evidence refused beside the field.
        browser.click("add-action");
        browser.accessible().screenshot("add-an-action");
        LocalDate due = LocalDate.now(ZoneId.of("Europe/London")).plusMonths(3);
        browser.type("description", "Audit the recording of children's wishes in police records.");
        new Select(browser.find("#owningAgency")).selectByValue("met-police");
        browser.type("lead", "DI Safeguarding Lead");
        browser.type("dueDate-day", String.valueOf(due.getDayOfMonth()));
        browser.type("dueDate-month", String.valueOf(due.getMonthValue()));
        browser.type("dueDate-year", String.valueOf(due.getYear()));
        browser.click("addressesFindings");
        browser.type("successMeasure", "Wishes recorded in 90% of sampled records.");
        browser.click("save-action");
        assertThat(browser.text(".govuk-notification-banner")).contains("Action added");
        awaitPage(() -> {
            browser.open("/audits/" + auditId + "/learning");
            return !browser.all("input[id^='agreedBy-']").isEmpty();
        });
        WebElement agreedBy = browser.find("input[id^='agreedBy-']");
        agreedBy.sendKeys("LSCB Board");
        browser.find("input[id^='boardMeeting-']").sendKeys("LSCB Board, 18 July 2017");
        browser.click(browser.find("button[id^='agree-']"));
        assertThat(browser.text(".govuk-notification-banner")).contains("Plan agreed");
        awaitPage(() -> {
            browser.open("/audits/" + auditId + "/learning");
            return browser.text("#main-content").contains("Agreed");
        });
        browser.click(browser.driver().findElement(By.linkText("Audit the recording of children's wishes in police records.")));
        browser.accessible().screenshot("action");
        String actionPage = browser.driver().getCurrentUrl();
        browser.type("closedBy", "LSCB Board");
        browser.type("boardMeeting", "LSCB Board, 24 April 2018");
        browser.click("close-action");
        assertThat(browser.find("#evidenceOfImpact-error").getText()).isNotBlank();
        browser.accessible().screenshot("close-an-action-errors");
        browser.type("evidenceOfImpact", "Re-audit: wishes recorded in 94% of records.");
        browser.click("close-action");
        assertThat(browser.text(".govuk-notification-banner")).contains("Action closed");
        awaitPage(() -> {
            browser.driver().get(actionPage.replaceAll("\\?.*", ""));
            return browser.text("#action-status").equals("Closed");
        });
        assertThat(browser.text("#action-history")).contains("Closed", "Re-audit: wishes recorded in 94% of records.");

        // The scorecard has changed.
        awaitPage(() -> {
            browser.open("/scorecard?auditId=" + auditId);
            return browser.text("#actions-closed").equals("1");
        });
        assertThat(browser.text("#findings-figures")).contains("Voice of the child");
        assertThat(browser.text("#returns-overdue")).isEqualTo("2");
        browser.accessible();
    }

    /** The Board's papers (issue 21): the annual report downloads as a tagged PDF and a spreadsheet that read as the report. */
    @Test
    void theBoardsPapersDownloadAsAReadablePdfAndSpreadsheetAsOfADate() throws Exception {
        browser.open("/");
        browser.click(browser.find("a[href*='/board-papers']"));
        assertThat(browser.h1()).isEqualTo("Board papers");
        browser.open("/board-papers?programmeId=redbridge-2017-18&asOf=2018-03-31");
        assertThat(browser.text("#asAtLegend")).isEqualTo("Show as of");
        browser.accessible();

        Browser.Download pdf = browser.download("#annual-report-pdf");
        assertThat(pdf.status()).as(new String(pdf.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.disposition()).contains("annual-report-redbridge-2017-18-2018-03-31.pdf");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).as("tagged").isNotNull();
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Annual audit overview report", "Redbridge LSCB Multi-Agency Audit Programme 2017 - 2018",
                    "Figures as of 31 March 2018", "Audits done against planned", "Children who go missing",
                    "Agency compliance", "Findings by aspect", "Section 11 status");
        }

        Browser.Download xlsx = browser.download("#annual-report-xlsx");
        assertThat(xlsx.status()).as(new String(xlsx.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(xlsx.disposition()).contains("annual-report-redbridge-2017-18-2018-03-31.xlsx");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            List<String> cover = new java.util.ArrayList<>();
            book.getSheet("Cover").forEach(row -> row.forEach(cell -> cover.add(cell.toString())));
            assertThat(cover).contains("Figures as of 31 March 2018");
            List<String> audits = new java.util.ArrayList<>();
            book.getSheet("Audits done against planned").forEach(row -> {
                if (row.getCell(0) != null) {
                    audits.add(row.getCell(0).toString());
                }
            });
            assertThat(audits).contains("Children who go missing", "Section 11 Audit 2016 - 2018");
            assertThat(book.getSheet("Agency compliance")).isNotNull();
        }

        Browser.Download csv = browser.download("#scorecard-csv");
        assertThat(csv.status()).as(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("scope,id,title,")
                .contains("programme,\"redbridge-2017-18\"");
    }

    /** Importing a calendar (issue 21): a file with a bad row imports nothing; seed 000's schedule is entered and exports back. */
    @Test
    void aCalendarIsImportedWithAReportPerRowAndNothingHalfImported() throws Exception {
        String programme = "imported-" + UUID.randomUUID().toString().substring(0, 8);
        java.nio.file.Path bad = java.nio.file.Files.createTempFile("calendar", ".csv");
        java.nio.file.Files.writeString(bad, "AUDIT,Commence,Multi Agency Audit 'round table' exercise,Presented to LSCB Executive\n"
                + "Neglect,April 2017,W/C 22 May 2017,September 2017\nMissing,Jully 2017,,September 2017\n");
        java.nio.file.Path seed = java.nio.file.Files.createTempFile("seed-000", ".csv");
        try (var in = DashboardIT.class.getResourceAsStream("/calendars/seed-000-redbridge-schedule.csv")) {
            java.nio.file.Files.write(seed, in.readAllBytes());
        }
        ApiClient audits = TestPlatform.api(Service.AUDIT_PROGRAMME);

        browser.open("/programmes/import");
        browser.accessible();
        browser.type("programmeId", programme);
        browser.find("#file").sendKeys(bad.toAbsolutePath().toString());
        browser.find("#new-programme summary").click();
        browser.type("partnership", "Redbridge LSCB");
        browser.type("title", "Imported programme 2017 - 2018");
        browser.type("periodStart-day", "1");
        browser.type("periodStart-month", "4");
        browser.type("periodStart-year", "2017");
        browser.type("periodEnd-day", "31");
        browser.type("periodEnd-month", "3");
        browser.type("periodEnd-year", "2018");
        browser.type("agreedOn-day", "22");
        browser.type("agreedOn-month", "3");
        browser.type("agreedOn-year", "2017");
        browser.type("agreedBy", "LSCB Executive");
        browser.click("import");
        assertThat(browser.text(".govuk-error-summary")).contains("nothing was imported");
        assertThat(browser.text("#rows")).contains("\"Jully\" is not a month");
        assertThat(browser.all("#rows tbody tr")).hasSize(2);
        browser.accessible();
        assertThat(audits.get("/api/programmes/" + programme).status()).isEqualTo(404);

        browser.find("#file").sendKeys(seed.toAbsolutePath().toString());
        browser.type("agencies", "met-police, nelft");
        browser.click("import");
        assertThat(browser.text("#import-done")).contains("6 audits");
        assertThat(browser.all("#rows tbody tr")).hasSize(6);
        assertThat(browser.text("#rows")).contains("is a Friday");
        browser.accessible();

        Awaitility.await().atMost(EVENTUALLY).until(() -> audits.getJson("/api/programmes/" + programme).get("audits").size() == 6);
        String exported = audits.getText("/api/programmes/" + programme + "/calendar.csv?shape=SCHEDULE");
        assertThat(exported).contains("\"Services response to e-safety and peer on peer sexual abuse\",\"September 2017\","
                + "\"W/C 30 October 2017\",\"December 2017\"").contains("\"Section 11\",\"December 2016\",\"N/A\",\"December 2018\"");
    }

    private void awaitChartDrawn(String canvasId) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(browser.driver().executeScript(
                "return !!(window.Chart && window.Chart.getChart(document.getElementById(arguments[0])))", canvasId)));
    }

    private static void awaitPage(Callable<Boolean> condition) {
        Awaitility.await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(condition);
    }

    /** The id of an agency's request for a case, once case-return-service has created it. */
    private static String awaitRequest(String auditId, String agency, String caseReference) {
        return ReturnRequests.await(TestPlatform.api(Service.CASE_RETURN), auditId, caseReference, agency);
    }
}
