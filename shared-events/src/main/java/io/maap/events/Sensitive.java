package io.maap.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event field whose text can identify people (answers, concern summaries, send-back
 * reasons, staff names). It is stored and published encrypted with its audit's data key, as
 * {@code maap-sealed:v1:<auditId>:<base64 nonce+ciphertext>} in place of the text, and reads as
 * {@link #REMOVED} once that key is destroyed under the retention policy (ADR 0016). On a list,
 * each element is encrypted; on a record (or a list of records), that record's own
 * {@code @Sensitive} fields are.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Sensitive {

    /** What a sensitive text reads as after its audit's key was destroyed. */
    String REMOVED = "[removed under the retention policy]";

    /** The prefix of an encrypted text. */
    String SEALED_PREFIX = "maap-sealed:v1:";
}
