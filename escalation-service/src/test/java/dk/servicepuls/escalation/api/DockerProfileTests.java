package dk.servicepuls.escalation.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dk.servicepuls.escalation.EscalationServiceApplication;
import dk.servicepuls.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class DockerProfileTests {

    @Test
    void refusesToStartWithoutAnIssuer() {
        assumeThat(System.getenv("OIDC_ISSUER_URI")).as("the docker profile reads OIDC_ISSUER_URI").isNull();
        // nothing listens on port 1: the start must fail on the missing issuer, not on Kafka or the store
        var service = new SpringApplicationBuilder(EscalationServiceApplication.class).profiles("docker");

        assertThatThrownBy(() -> service.run("--server.port=0", "--spring.mongodb.uri=mongodb://localhost:1/none",
                "--spring.kafka.bootstrap-servers=localhost:1",
                "--servicepuls.privacy.pseudonym-key=" + ServiceIntegrationTest.TEST_KEY))
                .hasStackTraceContaining("Could not resolve placeholder 'OIDC_ISSUER_URI'");
    }
}
