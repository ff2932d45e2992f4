package io.maap.auditprogramme.audit.query;

import java.util.List;

/** Spring Data fragment of {@link IssuedCaseReferences}: issued references inserted by plain JDBC. */
public interface IssuedCaseReferenceInsertion {

    /**
     * Inserts the references in one batch, in the transaction open. A reference another programme's
     * commissioning inserted meanwhile (same month and initial) is a
     * {@link org.springframework.dao.DuplicateKeyException}, the caller's to retry; Hibernate, which
     * does not see the statement, does not log it as an error.
     */
    void insertAll(List<IssuedCaseReference> references);
}
