package dk.servicepuls.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dk.servicepuls.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private static final JavaClasses CLASSES = ServiceArchitecture.productionClasses();

    @Test
    void analyticsServiceStaysOutOfTheOtherServices() {
        ServiceArchitecture.servicesStayApart("analytics", CLASSES);
    }

    @Test
    void countingAndKpisKnowNothingOfKafkaOrCloudEventsBeyondTheFactListeners() {
        ServiceArchitecture.domainKnowsNoMessaging(CLASSES, "dk.servicepuls.analytics.eventcounts..",
                "dk.servicepuls.analytics.kpis..", "dk.servicepuls.analytics.facts..",
                "dk.servicepuls.analytics.servicemetrics..", "dk.servicepuls.analytics.kpigauges..");
    }

    @Test
    void countingFactsAndKpiFiguresKnowNoHttp() {
        ServiceArchitecture.domainKnowsNoHttp(CLASSES, "dk.servicepuls.analytics.eventcounts..",
                "dk.servicepuls.analytics.facts..", "dk.servicepuls.analytics.kpis..",
                "dk.servicepuls.analytics.servicemetrics..", "dk.servicepuls.analytics.kpigauges..");
    }

    @Test
    void theViewsOnlyMeetInTheFacts() {
        noClasses().that().resideInAPackage("dk.servicepuls.analytics.kpis..")
                .should().dependOnClassesThat().resideInAPackage("dk.servicepuls.analytics.eventcounts..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dk.servicepuls.analytics.eventcounts..")
                .should().dependOnClassesThat().resideInAPackage("dk.servicepuls.analytics.kpis..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dk.servicepuls.analytics.servicemetrics..")
                .should().dependOnClassesThat().resideInAnyPackage("dk.servicepuls.analytics.kpis..",
                        "dk.servicepuls.analytics.eventcounts..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dk.servicepuls.analytics.kpigauges..")
                .should().dependOnClassesThat().resideInAnyPackage("dk.servicepuls.analytics.facts..",
                        "dk.servicepuls.analytics.eventcounts..", "dk.servicepuls.analytics.dashboard..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dk.servicepuls.analytics.facts..")
                .should().dependOnClassesThat().resideInAnyPackage("dk.servicepuls.analytics.kpis..",
                        "dk.servicepuls.analytics.eventcounts..", "dk.servicepuls.analytics.servicemetrics..")
                .check(CLASSES);
    }
}
