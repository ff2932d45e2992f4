package io.maap.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The published identity of an event contract. The name is a fixed string that never
 * follows the Java class name; together with the version it forms the CloudEvents
 * {@code type} attribute ({@code <name>.v<version>}). A change that breaks readers gets a new
 * version; old versions stay readable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The stable name, e.g. {@code maap.audit.commissioned}. */
    String name();

    /** The schema version of the payload, starting at 1. */
    int version();
}
