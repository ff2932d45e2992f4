package io.maap.casereturn.request.event;

import io.maap.events.Sensitive;

import java.time.LocalDate;
import java.util.List;

/**
 * The agency's answer to one question of the audit tool, from its own records.
 *
 * @param answer             the answer; "no information held" must be said, never left blank
 * @param evidenceReferences where in the agency's records the evidence is (record ids, document references)
 * @param entries            dated entries from the records that the answer relies on
 * @param grade              the auditor's grade, only where the tool grades the question; may be null
 */
public record Answer(String questionId, @Sensitive String answer, @Sensitive List<String> evidenceReferences,
                     @Sensitive List<DatedEntry> entries, String grade) {

    public Answer {
        evidenceReferences = evidenceReferences == null ? List.of() : List.copyOf(evidenceReferences);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** One dated entry from the agency's records. */
    public record DatedEntry(LocalDate date, @Sensitive String entry) {
    }
}
