package dk.servicepuls.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Architecture rules every service keeps, selecting classes by package: services talk through Kafka and HTTP,
 * never through each other's code; a feature's domain knows neither Kafka nor HTTP, only its entry points do.
 */
public final class ServiceArchitecture {

    private static final List<String> SERVICES = List.of("contact", "feedback", "escalation", "analytics");

    private static final String[] MESSAGING = { "org.apache.kafka..", "org.springframework.kafka..",
            "org.springframework.messaging..", "org.springframework.cloud..", "io.cloudevents.." };

    private static final String[] WEB = { "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
            "org.springframework.security.web..", "dk.servicepuls.platform.web.." };

    private static final List<String> WEB_ENTRY_POINTS = List.of("org.springframework.stereotype.Controller",
            "org.springframework.web.bind.annotation.RestController",
            "org.springframework.web.bind.annotation.RestControllerAdvice",
            "org.springframework.web.bind.annotation.ControllerAdvice");

    /** Where records come in: the configuration that binds the stream functions to topics. */
    private static final List<String> MESSAGING_ENTRY_POINTS = List.of("org.springframework.context.annotation.Configuration");

    private ServiceArchitecture() {
    }

    /** The platform's production classes as the module under test sees them (its own, not those in jars). */
    public static JavaClasses productionClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("dk.servicepuls");
    }

    public static void servicesStayApart(String service, JavaClasses classes) {
        for (String other : SERVICES) {
            if (!other.equals(service)) {
                noClasses().that().resideInAPackage("dk.servicepuls." + service + "..")
                        .should().dependOnClassesThat().resideInAPackage("dk.servicepuls." + other + "..")
                        .because(service + "-service talks to " + other + "-service only through Kafka and HTTP")
                        .check(classes);
            }
        }
        noClasses().that().resideInAPackage("dk.servicepuls." + service + "..")
                .should().dependOnClassesThat().resideInAPackage("dk.servicepuls.local..")
                .because("nothing depends on the local mode").check(classes);
    }

    /**
     * No class of these feature packages knows Kafka, Spring Cloud Stream or CloudEvents, except the configuration
     * that binds its functions: the listener turns records into values and hands them over.
     */
    public static void domainKnowsNoMessaging(JavaClasses classes, String... featurePackages) {
        noClasses().that().resideInAnyPackage(featurePackages).and(not(entryPoint(MESSAGING_ENTRY_POINTS)))
                .should().dependOnClassesThat().resideInAnyPackage(MESSAGING)
                .because("listeners turn records into values; the domain only sees values")
                .check(classes);
    }

    /**
     * No class of these feature packages knows HTTP (Spring MVC, servlets, the platform's problem mapping), except
     * its controllers and their nested request and answer records: the domain throws its own exceptions, which the
     * controllers map to problems.
     */
    public static void domainKnowsNoHttp(JavaClasses classes, String... featurePackages) {
        noClasses().that().resideInAnyPackage(featurePackages).and(not(entryPoint(WEB_ENTRY_POINTS)))
                .should().dependOnClassesThat().resideInAnyPackage(WEB)
                .because("controllers turn requests into calls and exceptions into problems; the domain knows no HTTP")
                .check(classes);
    }

    /** Classes annotated with one of these, and classes nested in them. */
    private static DescribedPredicate<JavaClass> entryPoint(List<String> annotations) {
        return DescribedPredicate.describe("entry points (" + annotations.stream().map(name -> "@" + name.substring(name.lastIndexOf('.') + 1))
                .toList() + ")", type -> isEntryPoint(type, annotations));
    }

    private static boolean isEntryPoint(JavaClass type, List<String> annotations) {
        for (JavaClass enclosing = type; enclosing != null; enclosing = enclosing.getEnclosingClass().orElse(null)) {
            JavaClass candidate = enclosing;
            if (annotations.stream().anyMatch(candidate::isAnnotatedWith)) {
                return true;
            }
        }
        return false;
    }
}
