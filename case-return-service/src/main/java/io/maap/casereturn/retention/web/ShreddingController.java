package io.maap.casereturn.retention.web;

import io.maap.casereturn.retention.query.Shredding;
import io.maap.support.crypto.AuditKeys;
import io.maap.support.security.Caller;
import io.maap.support.web.NotFoundException;
import io.maap.support.web.Patterns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/**
 * Crypto-shredding of an audit's sensitive text on the QA coordinator's word (ADR 0016), before
 * the retention policy would: the audit's key is destroyed, attributed to the caller.
 */
@RestController
@Validated
@RequestMapping("/api/retention/audits/{auditId}/shredding")
@Tag(name = "Retention")
public class ShreddingController {

    private final Shredding shredding;
    private final Clock clock;

    public ShreddingController(Shredding shredding, Clock clock) {
        this.shredding = shredding;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Destroy the audit's key now: its answers, concern summaries, reasons and names become unreadable for good",
            description = "Events stay in the event store and on the topics, unreadable; read models show the text as removed "
                    + "and keep dates, grades and counts. Repeating it changes nothing.")
    public AuditKeys.Shredding shred(
            @PathVariable @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String auditId,
            @Valid @RequestBody ShredRequest body) {
        if (!auditId.equals(body.confirmAuditId())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "confirmAuditId must repeat the audit id: shredding cannot be undone.");
        }
        return shredding.shred(auditId, Caller.require().userId(), Shredding.ON_REQUEST, Instant.now(clock));
    }

    /** @param confirmAuditId the audit id again: destroying a key cannot be undone */
    public record ShredRequest(@NotBlank String confirmAuditId) {
    }

    @GetMapping
    @Operation(summary = "When, by whom and why the audit's key was destroyed (404 while it is kept)")
    public AuditKeys.Shredding get(
            @PathVariable @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String auditId) {
        return shredding.shredding(auditId).orElseThrow(() -> new NotFoundException("The audit's text has not been shredded."));
    }
}
