package io.maap.actionplan.aspect;

import io.maap.actionplan.aspect.command.PartnershipAspects;
import io.maap.actionplan.aspect.command.RegisterAspect;
import io.maap.events.actionplan.FindingAspectRegistered;
import io.maap.support.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class PartnershipAspectsTest {

    private static final LocalDate TODAY = LocalDate.of(2017, 6, 1);
    private AggregateTestFixture<PartnershipAspects> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PartnershipAspects.class);
    }

    @Test
    void canRegisterAnAspectOfThePartnershipsOwn() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAspect("redbridge", "transitions", "Transitions to adult services", "QA Manager", TODAY))
                .expectEvents(new FindingAspectRegistered("redbridge", "transitions", "Transitions to adult services",
                        "QA Manager", TODAY));
    }

    @Test
    void registeringTheSameAspectAgainChangesNothing() {
        fixture.given(new FindingAspectRegistered("redbridge", "transitions", "Transitions", "QA Manager", TODAY))
                .when(new RegisterAspect("redbridge", "transitions", "Transitions", "QA Manager", TODAY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotRegisterAnAspectTwiceUnderAnotherLabel() {
        fixture.given(new FindingAspectRegistered("redbridge", "transitions", "Transitions", "QA Manager", TODAY))
                .when(new RegisterAspect("redbridge", "transitions", "Something else", "QA Manager", TODAY))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotRegisterADefaultAspect() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAspect("redbridge", "voice-of-the-child", "Voice", "QA Manager", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("'voice-of-the-child' is already a default aspect.");
    }
}
