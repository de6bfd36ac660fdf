package dk.servicepuls.platform.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.platform.cloudevents.Violation;
import dk.servicepuls.platform.erasure.ErasureRequest;
import dk.servicepuls.platform.erasure.PartyErasures;
import dk.servicepuls.platform.outbox.OutboxEntry;
import org.bson.Document;

/**
 * An erasure request is carried out in the service that takes it in before the sender gets its answer, so that a 2xx
 * means this service holds nothing of the party any more. The request is published with the party's cases, which
 * only this service can find (it alone keeps the case events with the party's reference); the stored copy keeps
 * neither the reference nor the cases, so the request itself leaves nothing of the party behind once the relay has
 * published it.
 */
class ErasureAtTheDoor {

    private final IngestedEvents store;
    private final PartyErasures erasures;

    ErasureAtTheDoor(IngestedEvents store, PartyErasures erasures) {
        this.store = store;
        this.erasures = erasures;
    }

    static boolean asks(IngestedEvent event) {
        return EventType.PARTY_ERASURE_REQUESTED.type().equals(event.type());
    }

    /** A request that names nobody would erase nothing and answer 202: it is refused instead. */
    static Optional<Violation> refusal(IngestedEvent event) {
        return asks(event) && refs(event.data()).isEmpty()
                ? Optional.of(Violation.field("party/id", "An erasure request names the party by its id"))
                : Optional.empty();
    }

    /** The request as it will be stored and published: with the party's cases on the way out, without them kept. */
    IngestedEvent withCases(IngestedEvent request) {
        List<String> cases = store.casesOf(request.department(), refs(request.data()));
        Document published = new Document(request.data()).append("cases", cases);
        Document party = (Document) request.data().get("party");
        Document kept = new Document("party", new Document("type", party.get("type")));
        List<OutboxEntry> outbox = new ArrayList<>();
        for (OutboxEntry entry : request.outbox()) {
            outbox.add(new OutboxEntry(entry.eventId(), entry.topic(), entry.key(), entry.source(), entry.type(),
                    entry.time(), entry.subject(), entry.department(), published));
        }
        return new IngestedEvent(request.id(), request.type(), request.time(), request.subject(), request.department(),
                kept, request.receivedAt(), outbox);
    }

    /** Erases in this service what the request (as {@link #withCases} made it) asks; a repeat erases nothing new. */
    void carryOut(IngestedEvent request) {
        Document published = request.outbox().get(0).data();
        erasures.erase(new ErasureRequest(request.id().source(), request.id().id(), request.department(),
                refs(published), published.getList("cases", String.class), request.time()));
    }

    private static Set<String> refs(Document data) {
        Set<String> refs = new LinkedHashSet<>();
        if (data != null && data.get("party") instanceof Document party) {
            for (String field : List.of("ref", "formerRef")) {
                if (party.get(field) instanceof String ref) {
                    refs.add(ref);
                }
            }
        }
        return refs;
    }
}
