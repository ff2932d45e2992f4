package io.maap.actionplan.learning.web;

import io.maap.events.actionplan.FindingKind;
import io.maap.events.actionplan.Rag;
import io.maap.support.web.Patterns;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** The bodies of the action-plan API's commands. Dates left out mean today (Europe/London). */
public final class Requests {

    static final String ASPECT = "^[a-z][a-z0-9-]{1,59}$";
    static final String ASPECT_MESSAGE = "must be a lower-case aspect code such as 'voice-of-the-child'";
    static final String REFERENCE_MESSAGE = "must be a pseudonymised case reference or a return id, never a name";

    private Requests() {
    }

    public record RecordFindingRequest(
            @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String findingId,
            @NotBlank @Pattern(regexp = ASPECT, message = ASPECT_MESSAGE) String aspect,
            @NotNull FindingKind kind,
            @Schema(description = "Agencies concerned; empty for the whole partnership")
            @Size(max = 50) List<@NotBlank @Pattern(regexp = Patterns.AGENCY, message = Patterns.AGENCY_MESSAGE) String> agencies,
            @Schema(description = "The cases or returns the finding rests on")
            @Size(max = 200) List<@NotBlank @Pattern(regexp = Patterns.ID, message = REFERENCE_MESSAGE) String> references,
            @NotBlank @Size(max = 4000) String summary,
            @NotBlank @Size(max = 4000) String recommendation,
            @NotBlank @Size(max = 120) String recordedBy,
            LocalDate recordedOn) {
    }

    public record RecogniseGoodPracticeRequest(
            @NotBlank @Size(max = 120) String recognisedBy,
            LocalDate recognisedOn,
            @Size(max = 4000) String note) {
    }

    public record DraftActionPlanRequest(
            @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String planId,
            @Schema(description = "The agency whose own plan this is (Section 11); absent for the audit's plan")
            @Pattern(regexp = Patterns.AGENCY, message = Patterns.AGENCY_MESSAGE) String agency,
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 120) String draftedBy,
            LocalDate draftedOn) {
    }

    public record AddActionRequest(
            @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String actionId,
            @NotBlank @Size(max = 4000) String description,
            @NotBlank @Pattern(regexp = Patterns.AGENCY, message = Patterns.AGENCY_MESSAGE) String owningAgency,
            @NotBlank @Size(max = 120) String lead,
            @NotNull LocalDate dueDate,
            @Size(max = 50) List<@NotBlank @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String> addressesFindings,
            @Schema(description = "How success and impact will be measured")
            @NotBlank @Size(max = 4000) String successMeasure,
            LocalDate addedOn) {
    }

    public record AgreeActionPlanRequest(
            @NotBlank @Size(max = 120) String agreedBy,
            LocalDate agreedOn,
            @Schema(description = "Months between monitoring rounds; 3 (quarterly) when absent")
            @Min(1) @Max(12) Integer monitoringIntervalMonths,
            @Schema(description = "The Board meeting that decided it, e.g. \"LSCB Board, 18 July 2017\"; required "
                    + "when the QA coordinator records the Board's decision")
            @Size(max = 200) String boardMeeting) {
    }

    public record DisseminateActionPlanRequest(
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 120) String> disseminatedTo,
            @NotBlank @Size(max = 120) String disseminatedBy,
            LocalDate disseminatedOn) {
    }

    public record StartMonitoringRoundRequest(
            @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String roundId,
            LocalDate requestedOn,
            @Schema(description = "Last day for updates; 10 working days after the request when absent")
            LocalDate updateDueBy) {
    }

    public record ReportProgressRequest(
            @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String updateId,
            @NotNull Rag rag,
            @NotBlank @Size(max = 4000) String note,
            @NotBlank @Size(max = 120) String reportedBy,
            LocalDate reportedOn) {
    }

    public record ProposeClosureRequest(
            @Schema(description = "What changed for children and how it is known; required")
            @NotBlank @Size(max = 4000) String evidenceOfImpact,
            @NotBlank @Size(max = 120) String proposedBy,
            LocalDate proposedOn) {
    }

    public record ConfirmClosureRequest(
            @Schema(description = "Who accepted the closure, e.g. \"LSCB Board (April)\"")
            @NotBlank @Size(max = 120) String confirmedBy,
            LocalDate confirmedOn,
            @Schema(description = "The Board meeting that decided it, e.g. \"LSCB Board, 18 July 2017\"; required "
                    + "when the QA coordinator records the Board's decision")
            @Size(max = 200) String boardMeeting) {
    }

    public record ReturnClosureRequest(
            @Schema(description = "Why the evidence does not yet show the action's impact; required")
            @NotBlank @Size(max = 4000) String reason,
            @NotBlank @Size(max = 120) String returnedBy,
            LocalDate returnedOn) {
    }

    public record CloseActionRequest(
            @Schema(description = "What changed for children and how it is known; required")
            @NotBlank @Size(max = 4000) String evidenceOfImpact,
            @NotBlank @Size(max = 120) String closedBy,
            LocalDate closedOn,
            @Schema(description = "The Board meeting that decided it, e.g. \"LSCB Board, 18 July 2017\"; required "
                    + "when the QA coordinator records the Board's decision")
            @Size(max = 200) String boardMeeting) {
    }

    public record ReopenActionRequest(
            @NotBlank @Size(max = 4000) String reason,
            @NotBlank @Size(max = 120) String reopenedBy,
            LocalDate reopenedOn) {
    }
}
