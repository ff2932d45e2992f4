package io.maap.notification.rules.command;

import io.maap.events.auditprogramme.AuditMilestoneRescheduled;
import io.maap.events.auditprogramme.ChallengeDayAgendaSent;
import io.maap.events.auditprogramme.ChallengeDayScheduled;
import io.maap.events.auditprogramme.Milestone;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A challenge day scheduled or moved, or its agenda sent: each participating agency's SPOC is told
 * the date (and, for the agenda, the day it went out).
 */
public final class ChallengeDays {

    public List<Planned> scheduled(String eventId, ChallengeDayScheduled scheduled, Collection<String> agencies) {
        return tell(eventId, Kind.CHALLENGE_DAY_SCHEDULED, scheduled.auditId(), scheduled.programmeId(),
                scheduled.challengeDayOn(), agencies);
    }

    public List<Planned> moved(String eventId, AuditMilestoneRescheduled rescheduled, Collection<String> agencies) {
        if (rescheduled.milestone() != Milestone.CHALLENGE_DAY || rescheduled.previous() == null) {
            return List.of();
        }
        return tell(eventId, Kind.CHALLENGE_DAY_MOVED, rescheduled.auditId(), rescheduled.programmeId(),
                rescheduled.planned().date(), agencies);
    }

    public List<Planned> agendaSent(String eventId, ChallengeDayAgendaSent sent, Collection<String> agencies) {
        return tell(eventId, Kind.CHALLENGE_DAY_AGENDA_SENT, sent.auditId(), sent.programmeId(), agencies,
                Map.of("auditId", sent.auditId(), "challengeDay", sent.challengeDayOn().toString(),
                        "agendaSentOn", sent.sentOn().toString()));
    }

    private static List<Planned> tell(String eventId, Kind kind, String auditId, String programmeId, LocalDate on,
                                      Collection<String> agencies) {
        return tell(eventId, kind, auditId, programmeId, agencies, Map.of("auditId", auditId, "challengeDay", on.toString()));
    }

    private static List<Planned> tell(String eventId, Kind kind, String auditId, String programmeId,
                                      Collection<String> agencies, Map<String, String> facts) {
        return agencies.stream().sorted().map(agency -> new Planned(eventId + "/" + agency, kind,
                List.of(Recipient.spoc(agency)), programmeId, agency, auditId, false, facts)).toList();
    }
}
