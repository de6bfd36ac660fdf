package dk.servicepuls.feedback.analysis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.contracts.events.ComplaintFiled;
import dk.servicepuls.contracts.events.ContactRecorded;
import dk.servicepuls.contracts.events.FeedbackAnalyzed;
import dk.servicepuls.contracts.events.FeedbackSubmitted;
import dk.servicepuls.feedback.events.PublishedEvents;
import dk.servicepuls.platform.kafka.CloudEventMessages;
import dk.servicepuls.platform.outbox.Outbox;
import dk.servicepuls.platform.outbox.OutboxEntry;
import dk.servicepuls.platform.outbox.OutboxRelay;
import dk.servicepuls.platform.sealing.TextKeyRing;
import dk.servicepuls.platform.store.InsertOnce;
import dk.servicepuls.platform.store.JsonDocuments;
import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every feedback comment, complaint text and contact note is analysed once and announced as
 * {@code feedback.analyzed.v1} on {@code feedback.events}. The {@code analyses} collection holds one document per
 * analysed event, keyed by the announcement's id (a name-based UUID of the analysed event's source and id), with
 * the announcement in its outbox: the insert tells a first delivery from a repeat, and the relay publishes it. The
 * document keeps the analysis and where it came from, never the text.
 */
@Component
class AnalysedTexts implements PublishedEvents {

    static final String COLLECTION = "analyses";
    static final String SOURCE = "/servicepuls/feedback-service";
    private static final String ID_PREFIX = "feedback-analyzed-";

    private final TextAnalyzer analyzer;
    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final JsonMapper json;

    private final TextKeyRing keys;

    AnalysedTexts(TextAnalyzer analyzer, MongoTemplate mongo, OutboxRelay relay, JsonMapper json, TextKeyRing keys) {
        this.analyzer = analyzer;
        this.mongo = mongo;
        this.relay = relay;
        this.json = json;
        this.keys = keys;
    }

    /** A text of an event, as the analysis needs it. */
    record Text(String of, String id, String text, Optional<Language> language, Integer csat, Integer ces,
            Integer nps) {

        Text with(String opened) {
            return new Text(of, id, opened, language, csat, ces, nps);
        }
    }

    /** Analyses the texts of a batch of published events and stores each announcement once. */
    @Override
    public void on(String topic, List<CloudEvent> events) {
        List<Map.Entry<CloudEvent, Text>> texts = new ArrayList<>();
        for (CloudEvent event : events) {
            textOf(event).ifPresent(text -> texts.add(Map.entry(event, text)));
        }
        // texts on the topics are sealed (platform.sealing): one look for any key not known yet, for the whole batch
        keys.prepare(texts.stream().map(text -> text.getValue().text()).toList());
        List<Document> documents = new ArrayList<>();
        for (Map.Entry<CloudEvent, Text> text : texts) {
            keys.open(text.getValue().text()).filter(AnalysedTexts::present).ifPresent(opened -> documents.add(
                    document(text.getKey(), text.getValue().with(opened))));
        }
        InsertOnce.Result result = InsertOnce.insert(mongo.getCollection(COLLECTION), documents);
        relay.enqueueAll(COLLECTION, result.storedOf(documents).stream().map(document -> document.get("_id")).toList());
        if (result.failure() != null) {
            throw result.failure();
        }
    }

    private Optional<Text> textOf(CloudEvent event) {
        EventType type = EventType.fromType(event.getType()).orElse(null);
        if (type == null || event.getData() == null) {
            return Optional.empty();
        }
        byte[] data = event.getData().toBytes();
        switch (type) {
            case FEEDBACK_SUBMITTED: {
                FeedbackSubmitted feedback = json.readValue(data, FeedbackSubmitted.class);
                return present(feedback.comment()) ? Optional.of(new Text("feedback-comment", feedback.feedbackId(),
                        feedback.comment(), language(feedback.language()), feedback.csat(), feedback.ces(),
                        feedback.nps())) : Optional.empty();
            }
            case COMPLAINT_FILED: {
                ComplaintFiled complaint = json.readValue(data, ComplaintFiled.class);
                return present(complaint.text()) ? Optional.of(new Text("complaint-text", complaint.complaintId(),
                        complaint.text(), Optional.empty(), null, null, null)) : Optional.empty();
            }
            case CONTACT_RECORDED: {
                ContactRecorded contact = json.readValue(data, ContactRecorded.class);
                return present(contact.note()) ? Optional.of(new Text("contact-note", contact.contactId(),
                        contact.note(), Optional.empty(), null, null, null)) : Optional.empty();
            }
            default:
                return Optional.empty();
        }
    }

    private Document document(CloudEvent event, Text text) {
        TextAnalysis analysis = analyzer.analyse(text.text(), text.language());
        FeedbackAnalyzed analyzed = new FeedbackAnalyzed(text.id() == null ? event.getId() : text.id(),
                dk.servicepuls.contracts.events.Language.valueOf(analysis.language().toUpperCase(java.util.Locale.ROOT)),
                FeedbackAnalyzed.Sentiment.valueOf(analysis.sentiment().toUpperCase(java.util.Locale.ROOT)),
                analysis.score(), analysis.complaintIntent(),
                analysis.signals().stream().map(signal -> signal.kind() + ":" + signal.words()).distinct().toList(),
                analysis.topics(), analysis.intentKinds(), text.of(), text.csat(), text.ces(), text.nps());
        String id = ID_PREFIX + UUID.nameUUIDFromBytes((event.getSource() + "\n" + event.getId())
                .getBytes(StandardCharsets.UTF_8));
        Instant time = event.getTime() == null ? Instant.now() : event.getTime().toInstant();
        String department = CloudEventMessages.department(event);
        Document data = JsonDocuments.of(json, analyzed);
        Document document = new Document("_id", id).append("analysedSource", event.getSource().toString())
                .append("analysedId", event.getId()).append("department", department)
                .append("subject", event.getSubject()).append("analysis", data);
        String key = event.getSubject() != null ? event.getSubject() : analyzed.feedbackId();
        return Outbox.withEntry(document, new OutboxEntry(id, Topics.FEEDBACK_EVENTS, key, SOURCE,
                EventType.FEEDBACK_ANALYZED.type(), time, event.getSubject(), department, data), mongo.getConverter());
    }

    private static Optional<Language> language(dk.servicepuls.contracts.events.Language language) {
        return language == null ? Optional.empty() : Language.ofCode(language.name());
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
