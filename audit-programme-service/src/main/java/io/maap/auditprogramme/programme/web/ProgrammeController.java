package io.maap.auditprogramme.programme.web;

import io.maap.auditprogramme.programme.query.ProgrammeQueries;
import io.maap.auditprogramme.programme.query.ProgrammeView;
import io.maap.support.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/programmes")
public class ProgrammeController {

    private final CommandGateway commands;
    private final ProgrammeQueries queries;

    public ProgrammeController(CommandGateway commands, ProgrammeQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an annual audit programme as agreed",
            description = "The programme id is chosen by the client; repeating the same request changes nothing, "
                    + "a different request for the same id is refused (409).")
    public ProgrammeView agree(@Valid @RequestBody AgreeProgrammeRequest request) {
        commands.sendAndWait(request.toCommand());
        return get(request.programmeId());
    }

    @GetMapping("/{programmeId}")
    @Operation(summary = "A programme with its audits and its schedule (planned against actual dates)")
    public ProgrammeView get(@PathVariable String programmeId) {
        return queries.find(programmeId)
                .orElseThrow(() -> new NotFoundException("No programme '" + programmeId + "'."));
    }

    @GetMapping("/{programmeId}/schedule")
    @Operation(summary = "The programme schedule: audit, commence, round table, presented to Executive")
    public List<ProgrammeView.ScheduleRow> schedule(@PathVariable String programmeId) {
        return get(programmeId).schedule();
    }
}
