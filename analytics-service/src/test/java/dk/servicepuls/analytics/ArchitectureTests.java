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
    void countingKnowsNothingOfKafkaOrCloudEvents() {
        noClasses().that().haveSimpleName("EventCounts").or().haveSimpleName("EventFacts")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                        "org.springframework.messaging..", "org.springframework.cloud..", "io.cloudevents..")
                .because("the listener turns records into calls; the domain only sees values")
                .check(CLASSES);
    }
}
