package dk.servicepuls.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Architecture rules every service keeps: services talk through Kafka and HTTP, never through each other's code. */
public final class ServiceArchitecture {

    private static final List<String> SERVICES = List.of("contact", "feedback", "escalation", "analytics");

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
}
