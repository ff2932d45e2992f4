package io.maap.bench;

import io.maap.testsupport.architecture.MaapArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

class ArchitectureTest {

    /**
     * LoadGenerator writes events as the relays do (EventJson, the events' one JSON form); the relay
     * benchmark stops and starts the relay's processor, which it finds by CloudEventRelay's group name;
     * the relay-alone benchmark runs the relay itself (its producer, the services' serializer) and
     * provisions the event topics as a service would.
     */
    @TestFactory
    Stream<DynamicTest> drivesThePlatformThroughItsPublicSurfaceOnly() {
        return MaapArchitecture.testsOfThePublicSurface("io.maap.bench",
                "io.maap.support.messaging.EventJson", "io.maap.support.axon.CloudEventRelay",
                "io.maap.support.axon.KafkaRelaySender", "io.maap.support.axon.AxonSupportAutoConfiguration",
                "io.maap.support.axon.RenamedClasses", "io.maap.support.messaging.TopicProvisioner").tests();
    }
}
