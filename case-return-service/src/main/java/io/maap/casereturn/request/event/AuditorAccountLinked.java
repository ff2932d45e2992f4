package io.maap.casereturn.request.event;

/**
 * Internal event, not published: the account (the token's subject) of the auditor nominated with
 * it, so that a submission by that user is recorded as the nominee's and one by another user of
 * the agency as that user's own; null when the auditor was (re)nominated by name alone, which ends
 * an earlier link. The published {@code AuditorNominated} keeps its shape.
 */
public record AuditorAccountLinked(String returnRequestId, String auditorUserId) {
}
