package dk.servicepuls.escalation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dk.servicepuls.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private static final JavaClasses CLASSES = ServiceArchitecture.productionClasses();

    @Test
    void escalationServiceStaysOutOfTheOtherServices() {
        ServiceArchitecture.servicesStayApart("escalation", CLASSES);
    }

    @Test
    void taskDecisionsKnowNothingOfKafkaOrCloudEvents() {
        noClasses().that().haveSimpleName("ProactiveCallTasks")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                        "org.springframework.messaging..", "org.springframework.cloud..", "io.cloudevents..")
                .because("the listener turns records into calls; the domain only sees values")
                .check(CLASSES);
    }

    @Test
    void riskKnowsNothingOfKafkaOrCloudEvents() {
        noClasses().that().resideInAPackage("dk.servicepuls.escalation.risk..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                        "org.springframework.messaging..", "org.springframework.cloud..", "io.cloudevents..")
                .because("the case-events intake turns records into values; risk only sees CaseEvent")
                .check(CLASSES);
    }

    @Test
    void riskModelKnowsNothingOfTheStore() {
        noClasses().that().haveSimpleName("RiskModel").or().haveSimpleName("CaseFacts").or().haveSimpleName("Fact")
                .or().haveSimpleName("Assessment")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data..", "org.bson..",
                        "com.mongodb..", "dk.servicepuls.platform.outbox..")
                .because("scoring is plain rules over facts, testable without a store")
                .check(CLASSES);
    }
}
