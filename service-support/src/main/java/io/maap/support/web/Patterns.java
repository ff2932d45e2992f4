package io.maap.support.web;

/** Formats of identifiers accepted at the API boundary. */
public final class Patterns {

    /** Client-chosen identifiers: letters, digits, dot, underscore and hyphen. */
    public static final String ID = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    public static final String ID_MESSAGE = "must be 1-64 letters, digits, '.', '_' or '-'";

    /** Agency codes, e.g. {@code met-police}. */
    public static final String AGENCY = "^[a-z][a-z0-9-]{1,39}$";
    public static final String AGENCY_MESSAGE = "must be a lower-case agency code such as 'met-police'";

    /**
     * Pseudonymised case references issued by the partnership: an upper-case partnership prefix
     * and upper-case letters or digits in hyphen-separated groups, e.g. {@code RBR-1701-N03}.
     */
    public static final String CASE_REFERENCE = "^[A-Z]{2,6}(-[A-Z0-9]{1,10}){1,4}$";
    public static final String CASE_REFERENCE_MESSAGE =
            "must be a pseudonymised partnership reference such as 'RBR-1701-N03', never a name";

    private Patterns() {
    }
}
