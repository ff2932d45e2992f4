package io.maap.reporting.projection.web;

import io.maap.reporting.projection.query.AsAtCheckpoints;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.validation.annotation.Validated;

/** The checkpoints "as at" views start from (ADR 0023), for an operator: what there is, and a run now. */
@RestController
@Validated
@RequestMapping("/api/as-at/checkpoints")
public class AsAtCheckpointController {

    private final AsAtCheckpoints checkpoints;

    public AsAtCheckpointController(AsAtCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @GetMapping
    @Operation(summary = "The as-at checkpoints there are, and whether a run building them is under way")
    public AsAtCheckpoints.Status status() {
        return checkpoints.status();
    }

    @PostMapping
    @Operation(summary = "Build the planned as-at checkpoints now",
            description = "Runs in the background (progress: GET); 409 while a run is under way on this instance.")
    public ResponseEntity<AsAtCheckpoints.Status> start(
            @Parameter(description = "at most this many checkpoints for this run (0 drops them all); the setting if absent")
            @RequestParam(required = false) @Min(0) Integer most) {
        if (!checkpoints.start(most)) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(checkpoints.status());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(checkpoints.status());
    }
}
