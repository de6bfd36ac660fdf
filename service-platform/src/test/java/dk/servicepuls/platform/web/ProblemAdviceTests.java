package dk.servicepuls.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;

import dk.servicepuls.platform.sealing.TextKeysUnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemAdviceTests {

    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    void aStoreThatIsAwayIsA503ProblemWithRetryAfterAndNoDetailOfTheFailure() {
        ResponseEntity<ProblemDetail> answer = advice.storeUnavailable(
                new DataAccessResourceFailureException("Timed out after 30000 ms connecting to localhost:27017"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getType().toString()).isEqualTo(Problems.TYPE_BASE + "store-unavailable");
        assertThat(answer.getBody().getDetail()).contains("nothing of it was acknowledged").doesNotContain("27017");
    }

    @Test
    void aTextKeyThatKafkaDidNotTakeIsA503ProblemWithRetryAfterAndNoDetailOfTheFailure() {
        ResponseEntity<ProblemDetail> answer = advice.keysUnavailable(new TextKeysUnavailableException("1 new text keys not on Kafka",
                new TimeoutException("Topic privacy.text-keys not present in metadata after 10000 ms")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getType().toString()).isEqualTo(Problems.TYPE_BASE + "broker-unavailable");
        assertThat(answer.getBody().getDetail()).contains("nothing of it was acknowledged").doesNotContain("10000");
    }
}
