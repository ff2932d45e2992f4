package io.maap.deploycheck;

import io.maap.testsupport.architecture.MaapArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> followsTheHouseRules() {
        return MaapArchitecture.testsOfThePublicSurface("io.maap.deploycheck").tests();
    }
}
