package dk.servicepuls.contact;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dk.servicepuls.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class DockerProfileTests {

    @Test
    void refusesToStartWithoutAPseudonymisationKey() {
        // nothing listens on port 1: the start must fail on the missing key before it tries Kafka or the store
        var service = new SpringApplicationBuilder(ContactServiceApplication.class).profiles("docker");

        assertThatThrownBy(() -> service.run("--server.port=0", "--spring.mongodb.uri=mongodb://localhost:1/none",
                "--spring.kafka.bootstrap-servers=localhost:1", "--OIDC_ISSUER_URI=https://issuer.example", "--SERVICEPULS_DEPARTMENTS=byg",
                "--servicepuls.privacy.pseudonym-key=")).rootCause().hasMessageContaining("No pseudonymisation key is configured");
    }

    @Test
    void refusesToStartWithoutAnIssuerForItsTokens() {
        assumeThat(System.getenv("OIDC_ISSUER_URI")).as("the docker profile reads OIDC_ISSUER_URI").isNull();
        var service = new SpringApplicationBuilder(ContactServiceApplication.class).profiles("docker");

        assertThatThrownBy(() -> service.run("--server.port=0", "--spring.mongodb.uri=mongodb://localhost:1/none",
                "--spring.kafka.bootstrap-servers=localhost:1", "--SERVICEPULS_DEPARTMENTS=byg",
                "--servicepuls.privacy.pseudonym-key=" + ServiceIntegrationTest.TEST_KEY))
                .hasStackTraceContaining("Could not resolve placeholder 'OIDC_ISSUER_URI'");
    }

    @Test
    void refusesToStartWithoutTheDepartmentsItKnows() {
        assumeThat(System.getenv("SERVICEPULS_DEPARTMENTS")).as("the docker profile reads SERVICEPULS_DEPARTMENTS").isNull();
        var service = new SpringApplicationBuilder(ContactServiceApplication.class).profiles("docker");

        assertThatThrownBy(() -> service.run("--server.port=0", "--spring.mongodb.uri=mongodb://localhost:1/none",
                "--spring.kafka.bootstrap-servers=localhost:1", "--OIDC_ISSUER_URI=https://issuer.example",
                "--servicepuls.privacy.pseudonym-key=" + ServiceIntegrationTest.TEST_KEY))
                .hasStackTraceContaining("set SERVICEPULS_DEPARTMENTS");
    }
}
