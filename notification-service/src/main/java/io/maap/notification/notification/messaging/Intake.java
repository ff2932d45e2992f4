package io.maap.notification.notification.messaging;

import io.maap.events.actionplan.ActionAdded;
import io.maap.events.actionplan.ActionOverdue;
import io.maap.events.actionplan.ActionPlanDisseminated;
import io.maap.events.actionplan.ActionUpdateMissed;
import io.maap.events.actionplan.ActionUpdateRequested;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditMilestoneRescheduled;
import io.maap.events.auditprogramme.ChallengeDayAgendaSent;
import io.maap.events.auditprogramme.ChallengeDayScheduled;
import io.maap.events.auditprogramme.ProgrammeAgreed;
import io.maap.events.casereturn.NilReturnSubmitted;
import io.maap.events.casereturn.ReturnDeadlineExtended;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.events.casereturn.ReturnSentBack;
import io.maap.events.casereturn.ReturnSubmitted;
import io.maap.events.casereturn.SafeguardingConcernAcknowledged;
import io.maap.events.casereturn.SafeguardingConcernRaised;
import io.maap.notification.notification.query.ConsumedPositions;
import io.maap.notification.notification.query.LocalView;
import io.maap.notification.rules.command.ActionFacts;
import io.maap.notification.rules.command.Actions;
import io.maap.notification.rules.command.ChallengeDays;
import io.maap.notification.rules.command.ConcernFacts;
import io.maap.notification.rules.command.Planned;
import io.maap.notification.rules.command.ReturnChanges;
import io.maap.notification.rules.command.Safeguarding;
import io.maap.notification.rules.command.ToolSent;
import io.maap.support.messaging.IncomingEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * One event in: the local view updated and the notifications the rules decide on recorded (and,
 * for an agency outcome, its relay to the agency's webhook), in one transaction. Any event may arrive again (a replay, a redelivery): the view's writes are
 * idempotent and each notification's key is unique, so nothing is told twice.
 */
@Component
public class Intake {

    private final LocalView view;
    private final Notifier notifier;
    private final Clock clock;
    private final ToolSent toolSent;
    private final ReturnChanges returnChanges;
    private final Safeguarding safeguarding;
    private final ChallengeDays challengeDays;
    private final Actions actions;
    private final ConsumedPositions positions;

    public Intake(LocalView view, Notifier notifier, Clock clock, ToolSent toolSent, ReturnChanges returnChanges,
                  Safeguarding safeguarding, ChallengeDays challengeDays, Actions actions, ConsumedPositions positions) {
        this.positions = positions;
        this.view = view;
        this.notifier = notifier;
        this.clock = clock;
        this.toolSent = toolSent;
        this.returnChanges = returnChanges;
        this.safeguarding = safeguarding;
        this.challengeDays = challengeDays;
        this.actions = actions;
    }

    @Transactional
    public void accept(IncomingEvent event) {
        accept(event, null);
    }

    /** As {@link #accept(IncomingEvent)}, recording with it how far {@code position}'s partition is read (when known). */
    @Transactional
    public void accept(IncomingEvent event, RecordPosition position) {
        Instant now = clock.instant();
        notifier.record(apply(event.id(), event.payload()), now);
        notifier.relayOutcome(event, now);
        if (position != null) {
            positions.advance(position.topic(), position.partition(), position.offset(), position.timestamp());
        }
    }

    private List<Planned> apply(String id, Object payload) {
        if (payload instanceof ProgrammeAgreed p) {
            view.programme(p.programmeId(), p.partnership());
        } else if (payload instanceof AuditCommissioned a) {
            view.audit(a.auditId(), a.programmeId(), a.title(), a.returnDeadline(), a.reminderDate(), a.participatingAgencies());
            return toolSent.when(id, a);
        } else if (payload instanceof ChallengeDayScheduled s) {
            return challengeDays.scheduled(id, s, view.agenciesOf(s.auditId()));
        } else if (payload instanceof ChallengeDayAgendaSent s) {
            return challengeDays.agendaSent(id, s, view.agenciesOf(s.auditId()));
        } else if (payload instanceof AuditMilestoneRescheduled r) {
            return challengeDays.moved(id, r, view.agenciesOf(r.auditId()));
        } else if (payload instanceof ReturnRequested r) {
            view.requested(new LocalView.Request(r.returnRequestId(), r.auditId(), r.programmeId(), r.agency(),
                    r.caseReference(), r.dueDate(), r.reminderDate(), true));
        } else if (payload instanceof ReturnSubmitted s) {
            view.returned(s.returnRequestId());
        } else if (payload instanceof NilReturnSubmitted s) {
            view.returned(s.returnRequestId());
        } else if (payload instanceof ReturnSentBack s) {
            view.sentBack(s.returnRequestId(), s.resubmissionDue());
            return returnChanges.sentBack(id, s);
        } else if (payload instanceof ReturnDeadlineExtended e) {
            view.extended(e.returnRequestId(), e.newDueDate());
            return returnChanges.extended(id, e);
        } else if (payload instanceof SafeguardingConcernRaised c) {
            if (!view.isAcknowledged(c.concernId())) {
                view.concernRaised(new LocalView.Concern(c.concernId(), c.auditId(), c.programmeId(), c.agency(),
                        c.caseReference(), c.raisedAt(), false));
            }
            return safeguarding.raised(id, c);
        } else if (payload instanceof SafeguardingConcernAcknowledged c) {
            // Acknowledged after the escalation was due: if this service was down then, the escalation the
            // dated check would have made is made now (once: an escalation already recorded has the same key).
            List<Planned> late = view.concern(c.concernId()).filter(concern -> !concern.acknowledged())
                    .map(concern -> safeguarding.escalationsDue(c.acknowledgedAt(), List.of(new ConcernFacts(
                            concern.concernId(), concern.auditId(), concern.programmeId(), concern.agency(),
                            concern.caseReference(), concern.raisedAt(), false))))
                    .orElse(List.of());
            view.concernAcknowledged(c.concernId());
            return late;
        } else if (payload instanceof ActionAdded a) {
            view.action(new LocalView.Action(a.actionId(), a.planId(), a.auditId(), a.programmeId(), a.owningAgency(),
                    a.dueDate()));
        } else if (payload instanceof ActionPlanDisseminated d) {
            return actions.disseminated(id, d, view.actionsOf(d.planId()).stream().map(a -> new ActionFacts(
                    a.actionId(), a.planId(), a.auditId(), a.programmeId(), a.agency(), a.dueDate())).toList());
        } else if (payload instanceof ActionUpdateRequested u) {
            return actions.updateRequested(id, u);
        } else if (payload instanceof ActionUpdateMissed m) {
            return actions.updateMissed(id, m);
        } else if (payload instanceof ActionOverdue o) {
            return actions.overdue(id, o);
        }
        return List.of();
    }
}
