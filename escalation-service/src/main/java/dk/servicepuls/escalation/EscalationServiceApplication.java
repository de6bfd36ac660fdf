package dk.servicepuls.escalation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** escalation-service: follows the cases on contact.events and hands caseworkers a call to make before a hard decision. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EscalationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EscalationServiceApplication.class, args);
    }
}
