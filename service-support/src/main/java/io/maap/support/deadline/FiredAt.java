package io.maap.support.deadline;

import org.axonframework.messaging.annotation.MetaDataValue;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The instant a deadline fired, as {@link DeadlineTime} read it from the service's clock:
 * {@code @FiredAt Instant firedAt} on a deadline handler's parameter. The same as
 * {@code @MetaDataValue(DeadlineTime.FIRED_AT)}, without putting Axon's messaging package into a
 * command package, which the architecture rules keep free of anything named messaging.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@MetaDataValue(DeadlineTime.FIRED_AT)
public @interface FiredAt {
}
