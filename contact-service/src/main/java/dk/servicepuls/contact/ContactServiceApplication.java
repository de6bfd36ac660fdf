package dk.servicepuls.contact;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** contact-service: takes in department case and contact events, pseudonymised, and keeps each case's timeline. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ContactServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ContactServiceApplication.class, args);
    }
}
