package io.maap.auditprogramme.policy;

import io.maap.auditprogramme.audit.command.PartnershipPolicy;
import io.maap.auditprogramme.policy.command.AdoptPolicyVersion;
import io.maap.auditprogramme.policy.command.PolicyHistory;
import io.maap.auditprogramme.policy.event.PolicyVersionAdopted;
import io.maap.support.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static java.time.LocalDate.of;

/** Changing the partnership's policy: a new version, attributed, applying from a day (issue 18). */
class PolicyHistoryTest {

    private static final LocalDate TODAY = of(2026, 12, 3);
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private AggregateTestFixture<PolicyHistory> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PolicyHistory.class);
    }

    private static PartnershipPolicy proposed(LocalDate appliesFrom, int resubmission) {
        return new PartnershipPolicy(0, appliesFrom, "NEL LSCB QA Sub Group", "Agencies asked for longer to resubmit",
                15, 10, 15, PartnershipPolicy.LaterChallengeDay.NEEDS_OVERRIDE, 2, resubmission,
                "No involvement historically, previously or currently", null, null);
    }

    private static PolicyVersionAdopted adopted(PartnershipPolicy p, int version) {
        PartnershipPolicy numbered = PolicyHistory.numbered(p, version);
        return new PolicyVersionAdopted(PolicyHistory.ID, version, p.appliesFrom(), p.changedBy(), p.reason(),
                numbered.recorded(), "qa.coordinator", NOW);
    }

    private static AdoptPolicyVersion adopt(PartnershipPolicy policy) {
        return new AdoptPolicyVersion(PolicyHistory.ID, policy, PartnershipPolicy.DEFAULT, TODAY, "qa.coordinator", NOW);
    }

    @Test
    void canAdoptANewVersionNumberedAfterTheConfiguredOneWithWhoWhyAndFromWhen() {
        PartnershipPolicy next = proposed(of(2027, 1, 1), 10);
        fixture.givenNoPriorActivity()
                .when(adopt(next))
                .expectEvents(adopted(next, 2));
    }

    @Test
    void theSameVersionAgainIsARetryAndRecordsNothing() {
        PartnershipPolicy next = proposed(of(2027, 1, 1), 10);
        fixture.given(adopted(next, 2))
                .when(adopt(next))
                .expectNoEvents();
    }

    @Test
    void aLaterVersionIsNumberedAfterTheLatestAdopted() {
        PartnershipPolicy first = proposed(of(2027, 1, 1), 10);
        PartnershipPolicy second = proposed(of(2027, 4, 1), 7);
        fixture.given(adopted(first, 2))
                .when(adopt(second))
                .expectEvents(adopted(second, 3));
    }

    @Test
    void cannotAdoptAVersionApplyingInThePast() {
        fixture.givenNoPriorActivity()
                .when(adopt(proposed(TODAY.minusDays(1), 10)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A new policy version applies from today or later, not 2026-12-02.");
    }

    @Test
    void cannotAdoptAVersionApplyingBeforeTheLatest() {
        fixture.given(adopted(proposed(of(2027, 4, 1), 10), 2))
                .when(adopt(proposed(of(2027, 1, 1), 7)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A new policy version applies after version 2, which applies from 2027-04-01.");
    }

    @Test
    void cannotAdoptAVersionWithoutWhoAndWhy() {
        PartnershipPolicy p = proposed(of(2027, 1, 1), 10);
        PartnershipPolicy unexplained = new PartnershipPolicy(0, p.appliesFrom(), " ", "", 15, 10, 15,
                PartnershipPolicy.LaterChallengeDay.NEEDS_OVERRIDE, 2, 10, "None", null, null);
        fixture.givenNoPriorActivity()
                .when(adopt(unexplained))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Say who decided the new policy version and why.");
    }

    @Test
    void cannotAdoptAVersionWhoseReminderFallsOnOrAfterTheDeadline() {
        PartnershipPolicy late = new PartnershipPolicy(0, of(2027, 1, 1), "QA", "Why", 10, 10, 15,
                PartnershipPolicy.LaterChallengeDay.NEEDS_OVERRIDE, 2, 10, "None", null, null);
        fixture.givenNoPriorActivity()
                .when(adopt(late))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The reminder's working day must come before the return deadline's.");
    }
}
