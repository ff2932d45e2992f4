package io.maap.casereturn.request.web;

import io.maap.casereturn.request.query.SafeguardingConcernView;
import io.maap.casereturn.request.query.SafeguardingConcernViews;
import io.maap.support.access.AccessRecords;
import io.maap.support.security.AgencyScope;
import io.maap.support.security.Caller;
import io.maap.support.web.Patterns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/safeguarding-concerns")
@Tag(name = "Safeguarding concerns")
public class SafeguardingConcernController {

    private final SafeguardingConcernViews concerns;
    private final AccessRecords accessRecords;

    public SafeguardingConcernController(SafeguardingConcernViews concerns, AccessRecords accessRecords) {
        this.concerns = concerns;
        this.accessRecords = accessRecords;
    }

    @GetMapping("/urgent")
    @Operation(summary = "Concerns not yet acknowledged by their agency, oldest first; all agencies, or one",
            description = "Agency staff see their own agency's concerns and those naming their agency among agenciesToInform.")
    public List<SafeguardingConcernView> urgent(
            @RequestParam(name = "agency", required = false) @Pattern(regexp = Patterns.AGENCY, message = Patterns.AGENCY_MESSAGE) String requestedAgency) {
        String agency = AgencyScope.filter(requestedAgency);
        List<SafeguardingConcernView> urgent;
        if (agency == null) {
            urgent = concerns.findByUrgentTrueOrderByRaisedAtAsc();
        } else if (Caller.require().partnershipWide()) {
            urgent = concerns.findByAgencyAndUrgentTrueOrderByRaisedAtAsc(agency);
        } else { // agency staff: their own agency's concerns and those naming their agency among the agencies to be told
            urgent = concerns.findByUrgentTrueOrderByRaisedAtAsc().stream().filter(c -> c.visibleToAgency(agency)).toList();
        }
        accessRecords.list("safeguarding-concern", urgent.stream()
                .map(c -> c.getReturnRequestId() + "/" + c.getConcernId()).toList(), urgent.size());
        return urgent;
    }
}
