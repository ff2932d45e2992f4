package io.maap.actionplan.aspect.web;

import io.maap.actionplan.aspect.command.AspectConfiguration.PartnershipId;
import io.maap.actionplan.aspect.command.Aspects;
import io.maap.actionplan.aspect.command.RegisterAspect;
import io.maap.actionplan.learning.query.RegisteredAspects;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The taxonomy findings are recorded under: the default aspects and the partnership's own. */
@RestController
@Tag(name = "Finding aspects")
@RequestMapping("/api/finding-aspects")
public class AspectController {

    private final CommandGateway commands;
    private final RegisteredAspects registered;
    private final PartnershipId partnership;
    private final Clock clock;

    public AspectController(CommandGateway commands, RegisteredAspects registered, PartnershipId partnership, Clock clock) {
        this.commands = commands;
        this.registered = registered;
        this.partnership = partnership;
        this.clock = clock;
    }

    public record Aspect(String aspect, String label, boolean isDefault) {
    }

    public record RegisterAspectRequest(
            @NotBlank @Pattern(regexp = "^[a-z][a-z0-9-]{1,59}$", message = "must be a lower-case code such as "
                    + "'transitions-to-adult-services'") String aspect,
            @NotBlank @Size(max = 120) String label,
            @NotBlank @Size(max = 120) String registeredBy,
            LocalDate registeredOn) {
    }

    @GetMapping
    @Operation(summary = "Every aspect findings may be recorded under")
    public List<Aspect> aspects() {
        List<Aspect> aspects = new ArrayList<>();
        Aspects.DEFAULTS.forEach((code, label) -> aspects.add(new Aspect(code, label, true)));
        registered.findAll().forEach(a -> aspects.add(new Aspect(a.getAspect(), a.getLabel(), false)));
        return aspects;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an aspect to the partnership's taxonomy", description = "Retrying with the same code "
            + "and label changes nothing.")
    public Aspect register(@Valid @RequestBody RegisterAspectRequest request) {
        commands.sendAndWait(new RegisterAspect(partnership.value(), request.aspect(), request.label().strip(),
                request.registeredBy().strip(), request.registeredOn() != null ? request.registeredOn()
                        : LocalDate.now(clock)));
        return new Aspect(request.aspect(), request.label().strip(), false);
    }
}
