package io.maap.deployment;

import io.maap.testsupport.architecture.MaapArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

class ArchitectureTest {

    /**
     * The deployment checks read files; they use no service's classes and of service-support only
     * the roles a token may carry ({@code MaapRole}), which an operator sets up in the issuer and
     * {@code KeycloakRealmTest} checks the realm against (its claim names are compile-time constants).
     */
    @TestFactory
    Stream<DynamicTest> readsTheDeploymentAsFilesOnly() {
        return MaapArchitecture.testsOfThePublicSurface("io.maap.deployment", "io.maap.support.security.MaapRole").tests();
    }
}
