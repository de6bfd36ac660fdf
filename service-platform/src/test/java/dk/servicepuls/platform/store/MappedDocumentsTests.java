package dk.servicepuls.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * A value is stored as the converter writes it, less the type hint. That it reads back as the same value is shown
 * where the platform reads it: a case's facts in {@code BatchAssessmentIntegrationTests}, outbox entries by the relay.
 */
class MappedDocumentsTests {

    record Step(String id, Instant at, Kind kind, Integer points, List<String> words) {
    }

    enum Kind {
        CALLED, REACHED
    }

    private final MappingMongoConverter converter = converter();

    @Test
    void aValueIsTheConvertersDocumentWithoutTheTypeHint() {
        Step step = new Step("event-1", Instant.parse("2026-12-07T10:15:30.123Z"), Kind.REACHED, null, List.of("klage"));
        Document written = new Document();
        converter.write(step, written);

        Document stored = MappedDocuments.of(converter, step);

        assertThat(written).as("what the converter writes at the top").containsKey("_class");
        assertThat(stored).doesNotContainKey("_class").hasSize(written.size() - 1);
        written.remove("_class");
        assertThat(stored).isEqualTo(written);
    }

    private static MappingMongoConverter converter() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }
}
