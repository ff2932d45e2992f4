package io.maap.casereturn.retention.query;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * How long the sensitive text of an audit is kept: {@code years-after-close} of the partnership its
 * programme belongs to ({@code partnerships.<name>}), or {@code default-years-after-close}. When it
 * ends, the audit's key is destroyed (ADR 0016). {@code check-interval}: how often the job looks.
 */
@ConfigurationProperties("maap.retention")
public record RetentionPolicy(Integer defaultYearsAfterClose, Map<String, Integer> partnerships, Duration checkInterval) {

    public RetentionPolicy {
        defaultYearsAfterClose = defaultYearsAfterClose == null ? 6 : defaultYearsAfterClose;
        partnerships = partnerships == null ? Map.of() : Map.copyOf(partnerships);
        checkInterval = checkInterval == null ? Duration.ofHours(6) : checkInterval;
        if (defaultYearsAfterClose < 0 || partnerships.values().stream().anyMatch(y -> y == null || y < 0)) {
            throw new IllegalArgumentException("maap.retention: years after close cannot be negative");
        }
    }

    /** Years after an audit closes that its text is kept, for audits of this partnership (null when not known). */
    public int yearsAfterClose(String partnership) {
        return partnership == null ? defaultYearsAfterClose : partnerships.getOrDefault(partnership, defaultYearsAfterClose);
    }
}
