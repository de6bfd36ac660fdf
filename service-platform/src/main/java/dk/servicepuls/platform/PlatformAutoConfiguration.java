package dk.servicepuls.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dk.servicepuls.contracts.EventSchemas;
import dk.servicepuls.platform.cloudevents.CloudEventReader;
import dk.servicepuls.platform.kafka.ConsumerErrorPolicy;
import dk.servicepuls.platform.kafka.DurableProducers;
import dk.servicepuls.platform.kafka.KafkaTopicsProperties;
import dk.servicepuls.platform.kafka.PlatformTopics;
import dk.servicepuls.platform.erasure.PartyDataEraser;
import dk.servicepuls.platform.erasure.PartyErasures;
import dk.servicepuls.platform.outbox.OutboxProperties;
import dk.servicepuls.platform.outbox.OutboxPublisher;
import dk.servicepuls.platform.outbox.OutboxRelay;
import dk.servicepuls.platform.outbox.ParkedEntries;
import dk.servicepuls.platform.privacy.FreeTextMasker;
import dk.servicepuls.platform.store.BatchCommit;
import dk.servicepuls.platform.store.StoreHealthIndicator;
import dk.servicepuls.platform.store.StoreProperties;
import dk.servicepuls.platform.web.ProblemAdvice;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** What every Servicepuls service gets: CloudEvents reading and writing, topics, outbox, problems, store health. */
@AutoConfiguration
@EnableConfigurationProperties({ KafkaTopicsProperties.class, OutboxProperties.class, StoreProperties.class })
@Import(ProblemAdvice.class)
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CloudEventReader cloudEventReader(JsonMapper json) {
        return new CloudEventReader(json);
    }

    @Bean
    EventSchemas eventSchemas() {
        return new EventSchemas();
    }

    @Bean
    FreeTextMasker freeTextMasker() {
        return new FreeTextMasker();
    }

    @Bean
    KafkaAdmin.NewTopics platformTopics(KafkaTopicsProperties properties) {
        return PlatformTopics.all(properties);
    }

    /**
     * The producer for CloudEvents and rejections: String keys, raw bytes, acks=all and idempotence, so a 2xx or a
     * committed offset means the event is on every in-sync replica, once. Kept apart from Boot's default template,
     * whose serializers the Stream binder would inherit.
     */
    @Bean
    KafkaTemplate<String, byte[]> cloudEventKafkaTemplate(KafkaProperties kafka) {
        return DurableProducers.forCloudEvents(kafka, Duration.ofSeconds(15));
    }

    /**
     * The one container customizer of the service: parks what a consumer cannot process on {@code <service>.dlq},
     * except on the topics some feature declared {@link ConsumerErrorPolicy.RetryUntilDurable}.
     */
    @Bean
    ConsumerErrorPolicy consumerErrorPolicy(KafkaProperties kafka, KafkaTopicsProperties topics,
            List<ConsumerErrorPolicy.RetryUntilDurable> retryUntilDurable,
            @Value("${spring.application.name}") String service) {
        // the binder hands over keys and values as the bytes they came as; they go to the dead-letter topic as such
        Map<String, Object> config = DurableProducers.config(kafka, ByteArraySerializer.class);
        return new ConsumerErrorPolicy(new KafkaTemplate<>(new DefaultKafkaProducerFactory<byte[], byte[]>(config)), service,
                retryUntilDurable, topics.consumerRetries());
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> cloudEventKafkaTemplate,
            OutboxProperties properties, JsonMapper json, MeterRegistry meters, BatchCommit batchCommit, Clock clock) {
        return new OutboxRelay(mongo, new OutboxPublisher(mongo, cloudEventKafkaTemplate, json, batchCommit,
                new ParkedEntries(mongo, meters, clock)), properties, meters);
    }

    @Bean
    PartyErasures partyErasures(MongoTemplate mongo, OutboxRelay outboxRelay, List<PartyDataEraser> erasers,
            JsonMapper json, @Value("${spring.application.name}") String service, Clock clock, MeterRegistry meters) {
        return new PartyErasures(mongo, outboxRelay, erasers, json, service, clock, meters);
    }

    @Bean
    BatchCommit batchCommit(MongoTemplate mongo, StoreProperties properties) {
        return new BatchCommit(mongo, properties);
    }

    /** Named so that Boot's own Mongo indicator, which the embedded store fails, backs off. */
    @Bean(name = "mongoHealthIndicator")
    StoreHealthIndicator storeHealthIndicator(MongoTemplate mongo) {
        return new StoreHealthIndicator(mongo);
    }
}
