package io.maap.auditprogramme.businessplan.command;

import io.maap.events.auditprogramme.BusinessPlanAdopted.Priority;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Record a partnership's business plan for a year as the Board agreed it; {@code recordedBy} is the user entering it. */
public record AdoptBusinessPlan(@TargetAggregateIdentifier String planId, String partnership, String title,
                                LocalDate periodStart, LocalDate periodEnd, LocalDate adoptedOn, String adoptedBy,
                                String recordedBy, List<Priority> priorities, LocalDate today) {

    public AdoptBusinessPlan {
        priorities = List.copyOf(priorities);
    }
}
