package io.maap.auditprogramme.audit.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A commissioning named a case reference its programme never issued: references come only from
 * the partnership's sequence, so one given must be a case the programme referenced before (a
 * re-audit). Answered as 422 problem details naming the field, like a validation error.
 */
public class CaseReferenceNotIssued extends ErrorResponseException {

    public CaseReferenceNotIssued(int position, String reference, String programmeId) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(position, reference, programmeId), null);
    }

    private static ProblemDetail problem(int position, String reference, String programmeId) {
        String message = "The case reference '" + reference + "' was not issued by the partnership in programme '"
                + programmeId + "': leave it out and one is issued, or give one the programme issued before (a re-audit).";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, message);
        problem.setType(URI.create("urn:maap:problem:case-reference-not-issued"));
        problem.setTitle("Case reference not issued");
        problem.setProperty("errors", List.of(Map.of("field", "cases[" + position + "].caseReference", "message", message)));
        return problem;
    }
}
