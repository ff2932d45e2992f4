package io.maap.resilience;

import io.maap.testsupport.architecture.MaapArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

class ArchitectureTest {

    /**
     * The fault suite checks the platform against its event log, which it reads from the event
     * stores' tables and reporting-service's collections, not through any service's classes.
     */
    @TestFactory
    Stream<DynamicTest> drivesThePlatformThroughItsPublicSurfaceOnly() {
        return MaapArchitecture.testsOfThePublicSurface("io.maap.resilience").tests();
    }
}
