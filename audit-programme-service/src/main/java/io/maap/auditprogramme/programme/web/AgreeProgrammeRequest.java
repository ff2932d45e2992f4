package io.maap.auditprogramme.programme.web;

import io.maap.auditprogramme.programme.command.AgreeProgramme;
import io.maap.support.web.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The body of {@code POST /api/programmes}. */
public record AgreeProgrammeRequest(
        @NotBlank @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String programmeId,
        @NotBlank @Size(max = 120) String partnership,
        @NotBlank @Size(max = 200) String title,
        @NotNull LocalDate periodStart,
        @NotNull LocalDate periodEnd,
        @NotNull LocalDate agreedOn,
        @NotBlank @Size(max = 120) String agreedBy) {

    AgreeProgramme toCommand() {
        return new AgreeProgramme(programmeId, partnership.strip(), title.strip(), periodStart, periodEnd, agreedOn,
                agreedBy.strip());
    }
}
