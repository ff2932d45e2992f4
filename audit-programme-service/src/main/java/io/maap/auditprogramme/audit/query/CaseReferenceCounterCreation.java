package io.maap.auditprogramme.audit.query;

/** Spring Data fragment of {@link CaseReferenceCounters}: a programme's counter inserted by plain JDBC. */
public interface CaseReferenceCounterCreation {

    /**
     * Inserts the programme's counter at {@code lastNumber}, in the transaction open. Another
     * commissioning of the programme may have inserted it meanwhile: that is a
     * {@link org.springframework.dao.DuplicateKeyException}, the caller's to retry, and it is not
     * logged as an error by Hibernate, which does not see the statement.
     */
    void create(String programmeId, int lastNumber);
}
