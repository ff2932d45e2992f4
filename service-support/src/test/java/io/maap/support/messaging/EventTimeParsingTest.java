package io.maap.support.messaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTimeParsingTest {

    @ParameterizedTest
    @ValueSource(strings = {"2017-04-03T09:15:30Z", "2017-04-03T09:15:30.1Z", "2017-04-03T09:15:30.123456789Z",
            "2017-04-03T09:15:30.123+01:00", "2017-04-03T23:59:59-05:30", "2016-02-29T00:00:00-00:00",
            "2017-04-03T09:15:30+18:00"})
    void theUsualShapeIsReadDirectlyAsTheFormatterReadsIt(String text) {
        assertThat(EventTimeParsing.direct(text)).isNotNull().isEqualTo(OffsetDateTime.parse(text));
        assertThat(EventTimeParsing.parse(text).getOffset()).isEqualTo(OffsetDateTime.parse(text).getOffset());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2017-04-03T09:15Z", "2017-04-03T09:15:30+01:00:30", "2017-04-03T09:15:30.Z",
            "+12017-04-03T09:15:30Z", "2017-04-03T09:15:30z"})
    void otherShapesTheFormatterAcceptsGoToIt(String text) {
        assertThat(EventTimeParsing.direct(text)).isNull();
        assertThat(EventTimeParsing.parse(text)).isEqualTo(OffsetDateTime.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2017-13-03T09:15:30Z", "2017-02-29T09:15:30Z", "2017-04-03T24:00:00Z", "2017-04-03T09:15:60Z",
            "2017-04-03T09:15:30+19:00", "2017-04-03T09:15:30+01:60", "2017-04-03T09:15:30.1234567890Z",
            "2017-04-03 09:15:30Z", "2017-04-03T09:15:30", "2017-04-0xT09:15:30Z", "yesterday"})
    void whatTheFormatterRefusesIsRefusedAlike(String text) {
        assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> EventTimeParsing.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void randomTimesInEveryOffsetAndPrecisionReadAsTheFormatterReadsThem() {
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime time = OffsetDateTime.of(1900 + random.nextInt(200), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000_000) / (int) Math.pow(10, random.nextInt(10)),
                    java.time.ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 3600, 18 * 3600 + 1) / 900 * 900));
            String text = time.toString();
            assertThat(EventTimeParsing.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text));
        }
    }
}
