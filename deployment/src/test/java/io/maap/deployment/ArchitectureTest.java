package io.maap.deployment;

import io.maap.testsupport.architecture.MaapArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

class ArchitectureTest {

    /** The deployment checks read files; they use no service's classes and none of service-support. */
    @TestFactory
    Stream<DynamicTest> readsTheDeploymentAsFilesOnly() {
        return MaapArchitecture.testsOfThePublicSurface("io.maap.deployment").tests();
    }
}
