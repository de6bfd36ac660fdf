package dk.servicepuls.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param collections the collections whose documents may carry pending outbox entries
 * @param pollInterval how often the relay looks for entries nobody nudged it about (after a restart, say)
 * @param batchSize how many documents one relay round publishes
 */
@ConfigurationProperties("servicepuls.outbox")
public record OutboxProperties(@DefaultValue List<String> collections, @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("500") int batchSize) {
}
