package io.maap.support.calendar;

/** The UK nation whose bank holidays a partnership keeps. */
public enum Nation {
    ENGLAND_AND_WALES,
    SCOTLAND,
    NORTHERN_IRELAND
}
