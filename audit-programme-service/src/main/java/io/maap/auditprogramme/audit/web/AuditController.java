package io.maap.auditprogramme.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

@RestController
@RequestMapping("/api/audits")
public class AuditController {

    private final CommandGateway commands;

    public AuditController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Commission a themed audit",
            description = "Sends the tool and case sample to every participating agency. Retrying with the same "
                    + "auditId (or Idempotency-Key) and the same body creates nothing twice.")
    public CommissionedAuditResponse commission(
            @Parameter(description = "Used to derive the audit id when the body has none")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody CommissionAuditRequest request) {
        String auditId = request.auditId() != null ? request.auditId()
                : idempotencyKey != null ? UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8)).toString()
                : UUID.randomUUID().toString();
        commands.sendAndWait(request.toCommand(auditId));
        return new CommissionedAuditResponse(auditId);
    }

    public record CommissionedAuditResponse(String auditId) {
    }
}
