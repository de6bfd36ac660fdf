package dk.servicepuls.analytics;

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
    void countingKnowsNothingOfKafkaOrCloudEventsBeyondItsListeners() {
        ServiceArchitecture.domainKnowsNoMessaging(CLASSES, "dk.servicepuls.analytics.eventcounts..");
    }

    @Test
    void countingKnowsNoHttp() {
        ServiceArchitecture.domainKnowsNoHttp(CLASSES, "dk.servicepuls.analytics.eventcounts..");
    }
}
