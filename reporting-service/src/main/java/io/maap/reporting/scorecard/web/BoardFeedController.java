package io.maap.reporting.scorecard.web;

import io.maap.reporting.scorecard.query.BoardFeed;
import io.maap.events.board.BoardScorecardUpdated;
import io.maap.reporting.projection.query.ViewStores;
import io.maap.support.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;

@RestController
@RequestMapping("/api/board-scorecard")
public class BoardFeedController {

    private final ViewStores views;
    private final BoardFeed feed;

    public BoardFeedController(ViewStores views, BoardFeed feed) {
        this.views = views;
        this.feed = feed;
    }

    @GetMapping("/{programmeId}")
    @Operation(summary = "The board scorecard of a programme (JSON); the same message is published on maap.board-scorecard.v1",
            description = "With asAt, as recorded by that instant; with asOf, the position on that date by when things "
                    + "happened (seenOn is then that date).")
    public BoardScorecardUpdated json(@PathVariable String programmeId, @RequestParam(required = false) Instant asAt,
                                      @RequestParam(required = false) LocalDate asOf) {
        ViewStores.View view = views.view(asAt, asOf);
        return feed.ofKnownProgramme(view.store(), view.today(), view.asOf(), programmeId)
                .orElseThrow(() -> new NotFoundException("No programme '" + programmeId + "'."));
    }

    @GetMapping(value = "/{programmeId}.csv", produces = "text/csv")
    @Operation(summary = "The board scorecard of a programme as a CSV download: one row per programme, audit and agency")
    public ResponseEntity<String> csv(@PathVariable String programmeId, @RequestParam(required = false) Instant asAt,
                                      @RequestParam(required = false) LocalDate asOf) {
        BoardScorecardUpdated scorecard = json(programmeId, asAt, asOf);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("scorecard-" + programmeId + "-" + scorecard.seenOn() + ".csv").build().toString())
                .body(BoardFeed.csv(scorecard));
    }
}
