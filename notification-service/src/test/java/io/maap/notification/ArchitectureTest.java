package io.maap.notification;

import io.maap.testsupport.architecture.MaapArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> followsTheHouseRules() {
        return MaapArchitecture.service("io.maap.notification").tests();
    }
}
