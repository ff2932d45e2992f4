package io.maap.testsupport.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.DynamicTest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The one set of architecture rules every module of MAAP is held to. A module's
 * {@code ArchitectureTest} asks for the rules of its kind and runs each as a test:
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> followsTheHouseRules() {
 *     return MaapArchitecture.service("io.maap.casereturn").tests();
 * }
 * }</pre>
 *
 * <p>A service's classes live in its base package (the application's wiring) or in
 * {@code <base>.<feature>.<role>}, the roles being {@link #ROLES}. The command side (aggregates,
 * their commands and rules) knows nothing of the web, messaging or the query side, and takes time
 * and ids as data on its commands; the query side is built from events, never from commands;
 * events private to a service live in {@code <feature>.event}; no service depends on another;
 * the shared event contracts depend on nothing but the JDK and the validation API.
 */
public final class MaapArchitecture {

    /** The roles a feature's classes play, each a package of its own. */
    public static final List<String> ROLES = List.of("command", "event", "query", "web", "messaging");

    /** The base package of every deployable part of MAAP; none may depend on another. */
    public static final List<String> SERVICES = List.of("io.maap.auditprogramme", "io.maap.casereturn",
            "io.maap.actionplan", "io.maap.reporting", "io.maap.notification", "io.maap.dashboard", "io.maap.local");

    private static final String EVENT_SOURCING_HANDLER = "org.axonframework.eventsourcing.EventSourcingHandler";

    private final String name;
    private final JavaClasses classes;
    private final List<ArchRule> rules;

    private MaapArchitecture(String name, JavaClasses classes, List<ArchRule> rules) {
        this.name = name;
        this.classes = classes;
        this.rules = List.copyOf(rules);
    }

    /** A service with a command side (Axon aggregates), a query side, a web API and messaging. */
    public static MaapArchitecture service(String basePackage) {
        List<ArchRule> rules = new ArrayList<>(common(basePackage));
        rules.add(queryNeverDependsOnCommand());
        rules.add(commandHasNoWebOrMessaging());
        rules.add(eventsLiveInContractsOrAnEventPackage(basePackage));
        rules.add(eventPackagesHoldOnlyData());
        rules.add(commandsTakeTimeAsData());
        return new MaapArchitecture(basePackage, importMain(basePackage), rules);
    }

    /** A read-side or client application (reporting, the dashboard): the same layout, no command side. */
    public static MaapArchitecture application(String basePackage) {
        List<ArchRule> rules = new ArrayList<>(common(basePackage));
        rules.add(queryNeverDependsOnCommand());
        rules.add(noClasses().should().dependOnClassesThat().resideInAPackage("org.axonframework.modelling..")
                .because("a read-side application has no aggregates of its own").allowEmptyShould(true));
        return new MaapArchitecture(basePackage, importMain(basePackage), rules);
    }

    /** The shared event contracts: plain records, depending only on the JDK and the validation API. */
    public static MaapArchitecture contracts(String basePackage) {
        ArchRule onlyJdkAndValidation = classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "jakarta.validation..", basePackage + "..")
                .because("agency systems and every service read these contracts: they carry no framework");
        return new MaapArchitecture(basePackage, importMain(basePackage), List.of(onlyJdkAndValidation));
    }

    /**
     * A module of tests, benchmarks or tools that drives MAAP from outside, as agencies, the
     * dashboard and operators do: through the services' HTTP APIs, the Kafka topics and the shared
     * event contracts, starting the platform through its runner ({@code io.maap.local}). It
     * depends on no service's classes, which other teams reshape freely, and of service-support (the
     * services' run time) only on the classes named in {@code serviceSupportTools}, e.g. the
     * operators' {@code io.maap.support.messaging.KafkaAccessControl}. Its test classes count too.
     */
    public static MaapArchitecture testsOfThePublicSurface(String basePackage, String... serviceSupportTools) {
        String[] services = SERVICES.stream().filter(s -> !s.equals("io.maap.local")).map(s -> s + "..").toArray(String[]::new);
        ArchRule noServiceClasses = noClasses().should().dependOnClassesThat().resideInAnyPackage(services)
                .because("the platform is driven through its HTTP APIs and topics: a service's classes are its own to change");
        Set<String> tools = Set.of(serviceSupportTools);
        DescribedPredicate<JavaClass> otherSupport = DescribedPredicate.describe(
                "are in io.maap.support but not " + (tools.isEmpty() ? "any tool" : String.join(", ", tools)),
                c -> c.getPackageName().startsWith("io.maap.support") && !tools.contains(c.getName().replaceAll("\\$.*", "")));
        ArchRule onlySupportTools = noClasses().should().dependOnClassesThat(otherSupport)
                .because("service-support is the services' run time; tests use only the tools it offers operators");
        JavaClasses imported = new ClassFileImporter().importPackages(basePackage);
        if (imported.isEmpty()) {
            throw new IllegalStateException("No classes found in " + basePackage + ": is the base package right?");
        }
        return new MaapArchitecture(basePackage, imported, List.of(noServiceClasses, onlySupportTools));
    }

    /** One dynamic test per rule, named for the rule. */
    public Stream<DynamicTest> tests() {
        return rules.stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }

    /** Checks every rule at once, failing on the first broken one. */
    public void check() {
        rules.forEach(rule -> rule.check(classes));
    }

    @Override
    public String toString() {
        return "MAAP architecture rules for " + name;
    }

    private static JavaClasses importMain(String basePackage) {
        JavaClasses imported = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        if (imported.isEmpty()) {
            throw new IllegalStateException("No classes found in " + basePackage + ": is the base package right?");
        }
        return imported;
    }

    private static List<ArchRule> common(String basePackage) {
        return List.of(featureThenRole(basePackage), noOtherService(basePackage));
    }

    static ArchRule featureThenRole(String basePackage) {
        String roles = String.join("|", ROLES);
        String pattern = "\\Q" + basePackage + "\\E(\\.config|\\.[a-z][a-z0-9]*\\.(" + roles + "))?";
        return classes().should(resideInPackageMatching(pattern, "in " + basePackage + " (wiring), "
                        + basePackage + ".config or " + basePackage + ".<feature>.<" + roles + ">"))
                .because("packages go by feature, then by role");
    }

    static ArchRule noOtherService(String basePackage) {
        String[] others = SERVICES.stream().filter(s -> !s.equals(basePackage)).map(s -> s + "..").toArray(String[]::new);
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services talk only through Kafka topics and HTTP APIs");
    }

    static ArchRule queryNeverDependsOnCommand() {
        return noClasses().that().resideInAPackage("..query..")
                .should().dependOnClassesThat().resideInAPackage("..command..")
                .because("the query side is built from events, never from commands or aggregates")
                .allowEmptyShould(true);
    }

    static ArchRule commandHasNoWebOrMessaging() {
        return noClasses().that().resideInAPackage("..command..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..messaging..", "..query..",
                        "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                        "org.springframework.kafka..", "org.springframework.cloud.stream..",
                        "org.springframework.messaging..", "org.apache.kafka..")
                .because("aggregates and their rules are reached only through commands")
                .allowEmptyShould(true);
    }

    static ArchRule eventsLiveInContractsOrAnEventPackage(String basePackage) {
        return methods().that().areAnnotatedWith(EVENT_SOURCING_HANDLER)
                .should(takeEventsFrom("io.maap.events..", basePackage + ".*.event.."))
                .because("published events are contracts in shared-events; a service's private events live in <feature>.event")
                .allowEmptyShould(true);
    }

    static ArchRule eventPackagesHoldOnlyData() {
        return noClasses().that().resideInAPackage("..event..")
                .should().dependOnClassesThat().resideInAnyPackage("..command..", "..query..", "..web..",
                        "..messaging..", "org.springframework..", "org.axonframework..")
                .because("an event is a fact: plain data, readable by the command and the query side alike")
                .allowEmptyShould(true);
    }

    static ArchRule commandsTakeTimeAsData() {
        return noClasses().that().resideInAPackage("..command..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDate.class, "now", Clock.class)
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(UUID.class, "randomUUID")
                .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
                .because("the date or instant a command happens at, and any new id, travel on the command, set once "
                        + "at the edge: an aggregate is a function of its state and the command")
                .allowEmptyShould(true);
    }

    private static ArchCondition<JavaClass> resideInPackageMatching(String regex, String description) {
        return new ArchCondition<>("reside " + description) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                JavaClass top = javaClass;
                while (top.getEnclosingClass().isPresent()) {
                    top = top.getEnclosingClass().get();
                }
                boolean ok = top.getPackageName().matches(regex);
                events.add(new SimpleConditionEvent(javaClass, ok,
                        javaClass.getName() + " is in package " + javaClass.getPackageName()));
            }
        };
    }

    private static ArchCondition<JavaMethod> takeEventsFrom(String contracts, String privateEvents) {
        Set<String> packages = Set.of(contracts, privateEvents);
        return new ArchCondition<>("take an event from " + String.join(" or ", packages)) {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (method.getRawParameterTypes().isEmpty()) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes no event"));
                    return;
                }
                JavaClass event = method.getRawParameterTypes().get(0);
                boolean ok = packages.stream().anyMatch(p -> JavaClass.Predicates.resideInAPackage(p).test(event));
                events.add(new SimpleConditionEvent(method, ok, method.getFullName() + " applies "
                        + event.getName()));
            }
        };
    }
}
