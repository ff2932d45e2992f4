package io.maap.auditprogramme.calendar.web;

import io.maap.auditprogramme.audit.command.PlanAudit;
import io.maap.auditprogramme.audit.query.AuditQueries;
import io.maap.auditprogramme.audit.query.AuditView;
import io.maap.auditprogramme.programme.command.AgreeProgramme;
import io.maap.auditprogramme.programme.query.ProgrammeQueries;
import io.maap.auditprogramme.section11.command.PlanSection11Audit;
import io.maap.events.auditprogramme.Milestone;
import io.maap.support.web.ProblemDetailsAdvice;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Importing a calendar over REST: all rows checked first, nothing entered when one is wrong, the normal commands otherwise. */
class CalendarControllerTest {

    CommandGateway commands;
    ProgrammeQueries programmes;
    AuditQueries audits;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        commands = mock(CommandGateway.class);
        programmes = mock(ProgrammeQueries.class);
        audits = mock(AuditQueries.class);
        given(programmes.exists(anyString())).willReturn(false);
        given(audits.find(anyString())).willReturn(Optional.empty());
        mvc = MockMvcBuilders.standaloneSetup(new CalendarController(commands, programmes, audits))
                .setControllerAdvice(new ProblemDetailsAdvice()).build();
    }

    @Test
    void seed000sScheduleIsEnteredAsAProgrammeWithItsAuditsAndASection11Audit() throws Exception {
        mvc.perform(upload("rbr-2017-18", "seed-000-redbridge-schedule.csv").param("agencies", "met-police,nelft"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(true))
                .andExpect(jsonPath("$.shape").value("SCHEDULE"))
                .andExpect(jsonPath("$.rows.length()").value(6))
                .andExpect(jsonPath("$.rows[2].warnings[0]").value(org.hamcrest.Matchers.containsString("is a Friday")))
                .andExpect(jsonPath("$.rows[5].kind").value("SECTION_11"))
                .andExpect(jsonPath("$.rows[1].auditId").value("rbr-2017-18-children-who-go-missing"));
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands, times(7)).sendAndWait(sent.capture());
        assertThat(sent.getAllValues().get(0)).isInstanceOf(AgreeProgramme.class);
        PlanAudit missing = (PlanAudit) sent.getAllValues().get(2);
        assertThat(missing.title()).isEqualTo("Children who go missing");
        assertThat(missing.milestones()).extracting(m -> m.milestone())
                .containsExactly(Milestone.TOOL_SENT, Milestone.CHALLENGE_DAY, Milestone.SIGNED_OFF);
        PlanSection11Audit section11 = (PlanSection11Audit) sent.getAllValues().get(6);
        assertThat(section11.agencies()).containsExactly("met-police", "nelft");
    }

    @Test
    void seed001sCalendarIsEnteredWithTheYearGiven() throws Exception {
        mvc.perform(upload("nel-2016", "seed-001-north-east-lincolnshire-calendar.csv").param("year", "2016"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shape").value("CALENDAR"))
                .andExpect(jsonPath("$.rows[0].planned.TOOL_SENT").value("18 January 2016"))
                .andExpect(jsonPath("$.rows[4].planned.CLOSED").value("31 January 2018"));
        verify(commands, times(6)).sendAndWait(any());
    }

    @Test
    void oneBadRowMeansNothingIsEnteredAndEveryRowIsReported() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "schedule.csv", "text/csv", """
                AUDIT,Commence,Multi Agency Audit 'round table' exercise,Presented to LSCB Executive
                Neglect,April 2017,W/C 22 May 2017,September 2017
                Missing,Jully 2017,W/C 21 August 2017,September 2017
                Section 11,December 2016,N/A,December 2018
                """.getBytes());
        mvc.perform(programme(multipart("/api/programmes/rbr-2017-18/calendar-import").file(file)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:maap:problem:validation"))
                .andExpect(jsonPath("$.detail").value("2 of 3 rows have errors; nothing was imported."))
                .andExpect(jsonPath("$.report.imported").value(false))
                .andExpect(jsonPath("$.report.rows[0].errors.length()").value(0))
                .andExpect(jsonPath("$.report.rows[1].errors[0]").value("Commence: \"Jully\" is not a month."))
                .andExpect(jsonPath("$.report.rows[2].errors[0]").value(org.hamcrest.Matchers.startsWith("A Section 11 audit needs the agencies")))
                .andExpect(jsonPath("$.errors[0].field").value("rows[3]"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void anAuditAlreadyEnteredWithOtherDatesStopsTheImportAndTheSameFileAgainChangesNothing() throws Exception {
        AuditView entered = new AuditView();
        entered.auditId = "rbr-2017-18-children-who-go-missing";
        entered.programmeId = "rbr-2017-18";
        entered.title = "Children who go missing";
        entered.leadOfficer = CalendarController.NOT_NAMED;
        entered.timescale = "July 2017 to September 2017";
        entered.agree(Milestone.TOOL_SENT, new io.maap.events.auditprogramme.PlannedDate(java.time.LocalDate.of(2017, 7, 1),
                io.maap.events.auditprogramme.PlannedDate.Precision.MONTH));
        given(programmes.exists("rbr-2017-18")).willReturn(true);
        given(audits.find("rbr-2017-18-children-who-go-missing")).willReturn(Optional.of(entered));
        mvc.perform(upload("rbr-2017-18", "seed-000-redbridge-schedule.csv").param("agencies", "met-police"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.report.rows[1].errors[0]").value(org.hamcrest.Matchers.startsWith("Already entered with other details")));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aDryRunChecksAndEntersNothingAndAFileInNoKnownShapeIsRefused() throws Exception {
        mvc.perform(upload("rbr-2017-18", "seed-000-redbridge-schedule.csv").param("agencies", "met-police").param("dryRun", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(false))
                .andExpect(jsonPath("$.dryRun").value(true));
        mvc.perform(programme(multipart("/api/programmes/rbr-2017-18/calendar-import")
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", "a,b\n1,2\n".getBytes()))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("file: The first row must be")));
        mvc.perform(programme(multipart("/api/programmes/rbr-2017-18/calendar-import")
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", new byte[]{(byte) 0xff, (byte) 0xfe, 0x41}))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("file: not UTF-8 text."));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aRequestWithoutTheFileOrNotMultipartIsA4xxProblemNotAFailure() throws Exception {
        mvc.perform(programme(multipart("/api/programmes/rbr-2017-18/calendar-import")))
                .andExpect(status().isBadRequest());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/programmes/rbr-2017-18/calendar-import")
                        .contentType("application/json").content("{\"unreadable\":"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(upload("bad id!", "seed-000-redbridge-schedule.csv"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.report.errors[0]").value(org.hamcrest.Matchers.startsWith("programmeId must be")));
        verify(commands, never()).sendAndWait(any());
    }

    private MockMultipartHttpServletRequestBuilder upload(String programmeId, String resource) throws Exception {
        byte[] csv = getClass().getResourceAsStream("/calendars/" + resource).readAllBytes();
        return programme(multipart("/api/programmes/" + programmeId + "/calendar-import")
                .file(new MockMultipartFile("file", resource, "text/csv", csv)));
    }

    private static MockMultipartHttpServletRequestBuilder programme(MockMultipartHttpServletRequestBuilder request) {
        request.param("partnership", "Redbridge LSCB").param("title", "Multi-Agency Audit Programme")
                .param("periodStart", "2017-04-01").param("periodEnd", "2018-03-31").param("agreedOn", "2017-03-22")
                .param("agreedBy", "LSCB Executive");
        return request;
    }

}
