package dk.servicepuls.feedback;

import dk.servicepuls.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    @Test
    void feedbackServiceStaysOutOfTheOtherServices() {
        ServiceArchitecture.servicesStayApart("feedback", ServiceArchitecture.productionClasses());
    }
}
