package io.maap.notification.contact.web;

import io.maap.notification.rules.command.ContactRole;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A directory entry as the API takes it. An agency role names its agency; an audit's lead names the audit.
 *
 * @param partnership the partnership (the service's own when absent)
 */
public record ContactBody(
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._-]*") String partnership,
        @NotNull ContactRole role,
        @Size(max = 40) @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String agency,
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String auditId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 320) String email) {
}
