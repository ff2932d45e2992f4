package io.maap.actionplan.aspect.command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default taxonomy of findings: the aspects of practice the Leicester City LSCB reports its
 * multi-agency audits under. A partnership adds its own with {@link RegisterAspect}.
 */
public final class Aspects {

    public static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> aspects = new LinkedHashMap<>();
        aspects.put("management-oversight", "Management oversight and supervision");
        aspects.put("recording", "Recording full and accurate details");
        aspects.put("compliance-with-procedures", "Compliance with procedures");
        aspects.put("history-of-involvement", "History of involvement");
        aspects.put("voice-of-the-child", "Voice of the child");
        aspects.put("referrals-and-thresholds", "Referrals and thresholds");
        aspects.put("assessments-and-plans", "Assessments and SMART plans");
        aspects.put("multi-agency-working", "Multi-agency working and meetings");
        aspects.put("escalation-of-concerns", "Escalation of concerns");
        DEFAULTS = java.util.Collections.unmodifiableMap(aspects);
    }

    private Aspects() {
    }
}
