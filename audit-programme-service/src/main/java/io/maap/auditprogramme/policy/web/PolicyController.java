package io.maap.auditprogramme.policy.web;

import io.maap.auditprogramme.audit.command.PartnershipPolicy;
import io.maap.auditprogramme.config.PartnershipPolicies;
import io.maap.auditprogramme.policy.command.AdoptPolicyVersion;
import io.maap.auditprogramme.policy.command.PolicyHistory;
import io.maap.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The partnership's policy versions: read by everyone with a role, changed by the QA coordinator
 * (a new version, attributed, applying from a day). An audit keeps the version it was commissioned under.
 */
@RestController
@RequestMapping("/api/partnership-policies")
public class PolicyController {

    private final CommandGateway commands;
    private final PartnershipPolicies policies;
    private final Clock clock;

    public PolicyController(CommandGateway commands, PartnershipPolicies policies, Clock clock) {
        this.commands = commands;
        this.policies = policies;
        this.clock = clock;
    }

    /** A version: its values, who decided it and why, from when; who recorded it through the API and when (null when configured). */
    public record PolicyVersion(PartnershipPolicy policy, String recordedBy, Instant recordedAt, boolean inForceToday) {
    }

    @GetMapping
    @Operation(summary = "Every version of the partnership's policy, in the order they apply, with who decided each, why "
            + "and from when", description = "Configured versions first (maap.partnership-policy.versions), then those "
            + "adopted through POST. inForceToday marks the version a commission with today's tool date would take.")
    public List<PolicyVersion> versions() {
        PartnershipPolicy inForce = policies.inForceOn(LocalDate.now(clock));
        return policies.entries().stream().map(e -> new PolicyVersion(e.policy(), e.recordedBy(), e.recordedAt(),
                e.policy().equals(inForce))).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adopt a new version of the partnership's policy (QA coordinator)",
            description = "Numbered after the latest; applies from appliesFrom (today or later, after the latest "
                    + "version's); changedBy and reason say who decided it and why, and the caller is recorded. Audits "
                    + "already commissioned keep their version. The same body again records nothing. Refusals are "
                    + "problem details: 400 for a bad body, 409 with a code (policy-applies-in-the-past, "
                    + "policy-applies-before-latest, policy-reminder-after-deadline).")
    public PolicyVersion adopt(@Valid @RequestBody PolicyVersionRequest request) {
        commands.sendAndWait(new AdoptPolicyVersion(PolicyHistory.ID, request.toPolicy(), policies.latestConfigured(),
                LocalDate.now(clock), Caller.require().userId(), clock.instant()));
        List<PolicyVersion> versions = versions();
        return versions.get(versions.size() - 1);
    }
}
