package io.maap.support.messaging;

/** CloudEvents attribute names as MAAP uses them in the Kafka binary binding. */
public final class CloudEventHeaders {

    public static final String KAFKA_PREFIX = "ce_";
    public static final String ID = "id";
    public static final String SOURCE = "source";
    public static final String SPECVERSION = "specversion";
    public static final String TYPE = "type";
    public static final String SUBJECT = "subject";
    public static final String TIME = "time";
    public static final String DATACONTENTTYPE = "datacontenttype";
    public static final String DATASCHEMA = "dataschema";
    /** Extension: the event's sequence number within its aggregate, for idempotent, ordered readers. */
    public static final String SEQUENCE = "sequence";

    private CloudEventHeaders() {
    }
}
