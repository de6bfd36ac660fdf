package dk.servicepuls.contact;

import dk.servicepuls.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    @Test
    void contactServiceStaysOutOfTheOtherServices() {
        ServiceArchitecture.servicesStayApart("contact", ServiceArchitecture.productionClasses());
    }
}
