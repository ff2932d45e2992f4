package io.maap.reporting.outstanding;

/** Where a return request stands, as the read side sees it. */
public enum ReturnStatus {
    OUTSTANDING
}
