package io.maap.auditprogramme.businessplan.web;

import io.maap.events.actionplan.Rag;
import io.maap.events.auditprogramme.BusinessPlanAdopted;
import io.maap.events.auditprogramme.BusinessPlanItemLinked;
import io.maap.support.web.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** The bodies of the business plan's endpoints. */
public final class BusinessPlanRequests {

    private BusinessPlanRequests() {
    }

    /** The body of {@code POST /api/business-plans}. */
    public record Adopt(@NotBlank @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String planId,
                        @NotBlank @Size(max = 120) String partnership,
                        @NotBlank @Size(max = 200) String title,
                        @NotNull LocalDate periodStart,
                        @NotNull LocalDate periodEnd,
                        @NotNull LocalDate adoptedOn,
                        @NotBlank @Size(max = 120) String adoptedBy,
                        @NotEmpty @Size(max = 60) List<@NotNull @Valid Priority> priorities) {

        List<BusinessPlanAdopted.Priority> toPriorities() {
            return priorities.stream().map(Priority::toPriority).toList();
        }
    }

    /** A priority under its strategic theme, with its actions. */
    public record Priority(@NotBlank @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String priorityId,
                           @NotBlank @Size(max = 500) String strategicTheme,
                           @NotBlank @Size(max = 1000) String title,
                           @Size(max = 60) List<@NotNull @Valid Action> actions) {

        BusinessPlanAdopted.Priority toPriority() {
            return new BusinessPlanAdopted.Priority(priorityId, strategicTheme.strip(), title.strip(),
                    actions == null ? List.of() : actions.stream().map(Action::toAction).toList());
        }
    }

    /** An action as the plan prints it; blank cells may be left out. */
    public record Action(@NotBlank @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String actionId,
                         @Size(max = 20) String ref,
                         @NotBlank @Size(max = 2000) String action,
                         @Size(max = 300) String lead,
                         @Size(max = 4000) String howAchieved,
                         @Size(max = 4000) String measure,
                         @Size(max = 120) String byWhen) {

        BusinessPlanAdopted.PlanAction toAction() {
            return new BusinessPlanAdopted.PlanAction(actionId, blankToNull(ref), action.strip(), blankToNull(lead),
                    blankToNull(howAchieved), blankToNull(measure), blankToNull(byWhen));
        }
    }

    /** The body of {@code POST /api/business-plans/{planId}/priorities/{priorityId}/ratings}. */
    public record Rating(@Min(1) @Max(4) int quarter, @NotNull Rag rag, @NotBlank @Size(max = 2000) String reason,
                         @NotNull LocalDate ratedOn, @NotBlank @Size(max = 120) String ratedBy) {
    }

    /** The body of {@code POST /api/business-plans/{planId}/priorities/{priorityId}/links}. */
    public record Link(@NotNull BusinessPlanItemLinked.Kind kind,
                       @NotBlank @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String auditId,
                       @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String itemId) {
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
