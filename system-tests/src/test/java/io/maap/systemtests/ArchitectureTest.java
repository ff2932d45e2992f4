package io.maap.systemtests;

import io.maap.testsupport.architecture.MaapArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

class ArchitectureTest {

    /** KafkaAclIT sets the broker up as an operator does, with service-support's tools for it. */
    @TestFactory
    Stream<DynamicTest> drivesThePlatformThroughItsPublicSurfaceOnly() {
        return MaapArchitecture.testsOfThePublicSurface("io.maap.systemtests",
                "io.maap.support.messaging.KafkaAccessControl", "io.maap.support.messaging.KafkaClientSecurity",
                "io.maap.support.messaging.TopicProvisioner").tests();
    }
}
