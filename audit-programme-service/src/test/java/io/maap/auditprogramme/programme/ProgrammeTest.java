package io.maap.auditprogramme.programme;

import io.maap.auditprogramme.programme.command.AgreeProgramme;
import io.maap.auditprogramme.programme.command.Programme;
import io.maap.events.auditprogramme.ProgrammeAgreed;
import io.maap.support.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static java.time.LocalDate.of;

class ProgrammeTest {

    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class);
    }

    private static AgreeProgramme agree(String title) {
        return new AgreeProgramme("redbridge-2017-18", "Redbridge LSCB", title, of(2017, 4, 1), of(2018, 3, 31),
                of(2017, 3, 22), "LSCB Executive");
    }

    private static ProgrammeAgreed agreed() {
        return new ProgrammeAgreed("redbridge-2017-18", "Redbridge LSCB", "Multi-Agency Audit Programme 2017-2018",
                of(2017, 4, 1), of(2018, 3, 31), of(2017, 3, 22), "LSCB Executive");
    }

    @Test
    void aProgrammeIsAgreedForAPeriodByWhomAndWhen() {
        fixture.givenNoPriorActivity().when(agree("Multi-Agency Audit Programme 2017-2018")).expectEvents(agreed());
    }

    @Test
    void retryingTheSameAgreementChangesNothing() {
        fixture.given(agreed()).when(agree("Multi-Agency Audit Programme 2017-2018"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void cannotAgreeTheSameProgrammeTwiceWithOtherDetails() {
        fixture.given(agreed()).when(agree("Another title")).expectException(RuleViolation.class)
                .expectExceptionMessage("Programme redbridge-2017-18 was already agreed with other details.");
    }

    @Test
    void cannotAgreeAProgrammeWhosePeriodEndsBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(new AgreeProgramme("p", "Redbridge LSCB", "t", of(2018, 3, 31), of(2017, 4, 1), of(2017, 3, 22), "LSCB Executive"))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void cannotAgreeAProgrammeAfterItsPeriod() {
        fixture.givenNoPriorActivity()
                .when(new AgreeProgramme("p", "Redbridge LSCB", "t", of(2017, 4, 1), of(2018, 3, 31), of(2018, 4, 2), "LSCB Executive"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A programme is agreed before its period ends.");
    }
}
