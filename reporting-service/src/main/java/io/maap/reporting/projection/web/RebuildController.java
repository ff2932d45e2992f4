package io.maap.reporting.projection.web;

import io.maap.reporting.projection.messaging.RebuildService;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/rebuilds")
public class RebuildController {

    private final RebuildService rebuilds;

    public RebuildController(RebuildService rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild every read model from the event topics",
            description = "The current read models keep serving until the rebuild has caught up, then it takes over. 409 while one runs.")
    public RebuildService.Progress start() {
        return rebuilds.start();
    }

    @GetMapping("/current")
    @Operation(summary = "Progress of the latest rebuild: events done and total, rate, time left")
    public RebuildService.Progress current() {
        return rebuilds.progress();
    }
}
