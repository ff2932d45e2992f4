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
     * Case references as the partnership issues them when cases are sampled (docs/security.md):
     * the partnership's code, the year and month the audit tool went out, the initial of the
     * audit's theme and a number from the programme's sequence, e.g. {@code RBR-1704-N03}. Nothing
     * else is accepted where a case reference is input, so a name ({@code SMITH-JOHN-2010}) cannot fit.
     */
    public static final String CASE_REFERENCE = "^[A-Z]{2,6}-[0-9]{4}-[A-Z][0-9]{2,4}$";
    public static final String CASE_REFERENCE_MESSAGE =
            "must be a case reference issued by the partnership, such as 'RBR-1704-N03' (partnership, year and month "
                    + "of the audit, theme initial and number), never a name or an agency's own case number";

    private Patterns() {
    }
}
