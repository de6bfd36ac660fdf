package dk.servicepuls.escalation;

import com.tngtech.archunit.core.domain.JavaClasses;
import dk.servicepuls.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private static final JavaClasses CLASSES = ServiceArchitecture.productionClasses();
    private static final String[] DOMAIN = { "dk.servicepuls.escalation.risk..", "dk.servicepuls.escalation.tasks.." };

    @Test
    void escalationServiceStaysOutOfTheOtherServices() {
        ServiceArchitecture.servicesStayApart("escalation", CLASSES);
    }

    @Test
    void riskAndTasksKnowNothingOfKafkaOrCloudEvents() {
        ServiceArchitecture.domainKnowsNoMessaging(CLASSES, DOMAIN);
    }

    @Test
    void riskAndTasksKnowNoHttpBeyondTheirControllers() {
        ServiceArchitecture.domainKnowsNoHttp(CLASSES, DOMAIN);
    }
}
