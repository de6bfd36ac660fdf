package dk.servicepuls.platform.ingest;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import dk.servicepuls.contracts.EventSchemas;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.platform.PlatformAutoConfiguration;
import dk.servicepuls.platform.cloudevents.CloudEventReader;
import dk.servicepuls.platform.erasure.PartyErasures;
import dk.servicepuls.platform.kafka.CloudEventMessages;
import dk.servicepuls.platform.kafka.ConsumerErrorPolicy;
import dk.servicepuls.platform.kafka.DurableProducers;
import dk.servicepuls.platform.privacy.FreeTextMasker;
import dk.servicepuls.platform.privacy.PartyReferences;
import dk.servicepuls.platform.privacy.PersonalFieldNames;
import dk.servicepuls.platform.privacy.PrivacyProperties;
import dk.servicepuls.platform.privacy.Pseudonymiser;
import dk.servicepuls.platform.sealing.TextKeys;
import dk.servicepuls.platform.sealing.TextKeysEraser;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ingest for a service that owns an ingest topic ({@code servicepuls.ingest.topic}): the HTTP endpoint, the Kafka
 * consumer function {@code ingestEvents}, the store, and the pseudonymiser, which fails the start-up without a key.
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@ConditionalOnProperty("servicepuls.ingest.topic")
@EnableConfigurationProperties({ IngestProperties.class, PrivacyProperties.class })
public class IngestAutoConfiguration {

    private final Pseudonymiser pseudonymiser;
    private final PrivacyProperties privacy;
    private final KnownDepartments departments;

    /**
     * Checks the key and the departments before any ingest bean touches Kafka or the store, so that a missing setting
     * is the first error.
     */
    IngestAutoConfiguration(PrivacyProperties privacy, IngestProperties properties) {
        this.pseudonymiser = Pseudonymiser.fromBase64Key(privacy.pseudonymKey(), privacy.partyRefs());
        this.privacy = privacy;
        this.departments = new KnownDepartments(properties.departments());
    }

    @Bean
    Pseudonymiser pseudonymiser() {
        return pseudonymiser;
    }

    @Bean
    IngestedEvents ingestedEvents(MongoTemplate mongo, IngestProperties properties) {
        return new IngestedEvents(mongo, properties.collection());
    }

    @Bean
    IngestedEventsEraser ingestedEventsEraser(IngestedEvents store, IngestProperties properties,
            PartyReferenceTable references, Clock clock) {
        return new IngestedEventsEraser(store, properties.collection(), references, clock);
    }

    /** The keys that seal the free texts this door publishes, per case; see {@code platform.sealing}. */
    @Bean
    TextKeys textKeys(MongoTemplate mongo, KafkaProperties kafka, IngestProperties properties, Clock clock) {
        return TextKeys.on(mongo, kafka, pseudonymiser, properties.publishTimeout(), clock);
    }

    @Bean
    TextKeysEraser textKeysEraser(TextKeys textKeys) {
        return new TextKeysEraser(textKeys);
    }

    @Bean
    UnlinkedEventsRetention unlinkedEventsRetention(IngestedEvents store, Clock clock) {
        return new UnlinkedEventsRetention(store, clock);
    }

    @Bean
    PartyReferenceTable partyReferenceTable(MongoTemplate mongo, Clock clock) {
        return new PartyReferenceTable(mongo, clock);
    }

    @Bean
    IngestService ingestService(EventSchemas schemas, Pseudonymiser pseudonymiser, FreeTextMasker masker,
            IngestedEvents store, IngestPublisher publisher, IngestProperties properties, JsonMapper json, MeterRegistry meters,
            Clock clock, PartyErasures erasures, PartyReferenceTable references, TextKeys textKeys) {
        // the door whose contract names parties (case.opened) keeps their references, so that an erasure can forget
        // them; a party on another door's events (outside the contract) gets the computed reference as before
        boolean namesParties = IngestService.acceptedOn(properties.topic()).contains(EventType.CASE_OPENED);
        DataPointers pointers = new DataPointers(masker);
        EnvelopeRules envelope = new EnvelopeRules(IngestService.acceptedOn(properties.topic()), masker, departments);
        EventChecks checks = new EventChecks(envelope,
                new EventLimits(properties.limits(), pointers), new IdentifierRules(masker, pointers), schemas,
                new EventDataNormaliser(new PartyReferences(pseudonymiser, privacy, clock, namesParties ? references : null),
                        masker, new PersonalFieldNames(), pointers), properties, json, masker, clock);
        return new IngestService(checks, store, publisher, meters, new ErasureAtTheDoor(store, erasures),
                new PublishedTexts(textKeys));
    }

    /**
     * Ingest's own producer: a send waits at most the publish timeout for the broker, so that a request gets its 503
     * in that time rather than in the relay's patience.
     */
    @Bean
    IngestPublisher ingestPublisher(KafkaProperties kafka, JsonMapper json, IngestProperties properties,
            MeterRegistry meters) {
        IngestPublisher publisher = new IngestPublisher(DurableProducers.forCloudEvents(kafka, properties.publishTimeout()),
                json, properties.publishTimeout(), meters);
        publisher.warmUp(properties.publishTo());
        return publisher;
    }

    @Bean
    IngestController ingestController(CloudEventReader reader, IngestService ingest, IngestProperties properties) {
        return new IngestController(reader, ingest, properties, new IngestClients(properties));
    }

    @Bean
    RejectionPublisher rejectionPublisher(KafkaTemplate<String, byte[]> cloudEventKafkaTemplate, JsonMapper json, Clock clock,
            @Value("${spring.application.name}") String service) {
        return new RejectionPublisher(cloudEventKafkaTemplate, json, clock, service);
    }

    /**
     * The Spring Cloud Stream function bound to the ingest topic, in batch mode: a poll's records are checked, stored
     * in one bulk write and their rejections sent in one burst before the offsets are committed.
     */
    @Bean
    Consumer<Message<List<byte[]>>> ingestEvents(CloudEventReader reader, IngestService ingest,
            RejectionPublisher rejections, IngestProperties properties) {
        return batch -> {
            List<IngestOutcome> outcomes = ingest.ingestAll(CloudEventMessages.readBatch(reader, batch), "kafka",
                    PublishRights.KAFKA);
            rejections.publishAll(outcomes.stream().filter(outcome -> !outcome.accepted()).toList(), properties.topic());
        };
    }

    /**
     * Ingest records are retried for as long as the store or Kafka is away, never parked: a record on a dead-letter
     * topic would be neither stored nor refused, and a refusal is already a record on ingest.rejected.
     */
    @Bean
    ConsumerErrorPolicy.RetryUntilDurable ingestRetriesUntilDurable(IngestProperties properties) {
        return new ConsumerErrorPolicy.RetryUntilDurable(properties.topic(), properties.retry().initialInterval(),
                properties.retry().maxInterval());
    }
}
