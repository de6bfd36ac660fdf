package dk.servicepuls.contact;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class DockerProfileTests {

    @Test
    void refusesToStartWithoutAPseudonymisationKey() {
        // nothing listens on port 1: the start must fail on the missing key before it tries Kafka or the store
        var service = new SpringApplicationBuilder(ContactServiceApplication.class).profiles("docker");

        assertThatThrownBy(() -> service.run("--server.port=0", "--spring.mongodb.uri=mongodb://localhost:1/none",
                "--spring.kafka.bootstrap-servers=localhost:1", "--servicepuls.privacy.pseudonym-key=")).rootCause().hasMessageContaining("No pseudonymisation key is configured");
    }
}
