package dk.servicepuls.platform.store;

import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * A value as the template's converter writes it, without the type hint ({@code _class}) that the converter puts on
 * every document it writes at the top: the platform always reads a stored value as the type its field or query
 * names, so the hint is never read. In the array of a case's facts, which grows with every event, it was about a
 * fifth of each fact's bytes (48 of about 250), encoded, stored, decoded and sent again with every read and update of
 * the case; an outbox entry and each ingested event carried one too.
 */
public final class MappedDocuments {

    private MappedDocuments() {
    }

    public static Document of(MongoConverter converter, Object value) {
        Document document = new Document();
        converter.write(value, document);
        document.keySet().removeIf(converter.getTypeMapper()::isTypeKey);
        return document;
    }
}
