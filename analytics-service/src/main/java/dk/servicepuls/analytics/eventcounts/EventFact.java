package dk.servicepuls.analytics.eventcounts;

import java.time.Instant;

/**
 * The little that is kept of one event: its identity, which makes a redelivery recognisable, and what it is counted
 * by. Never the case id or anything else about the person.
 *
 * @param department null when the event broke the contract and came without one
 * @param time null when the event came without one
 */
record EventFact(String source, String id, String type, String department, Instant time) {

    EventFact {
        if (source == null || id == null || type == null) {
            throw new IllegalArgumentException("An event fact needs the event's source, id and type");
        }
    }
}
