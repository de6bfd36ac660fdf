package dk.servicepuls.escalation.caseevents;

import java.time.Instant;

import dk.servicepuls.contracts.EventType;

/**
 * One event of the contract as the features see it: its identity ({@code source}, {@code id}), which makes a
 * redelivery recognisable, the case it is about, and its data read into the type's record.
 *
 * @param caseId the {@code subject}; {@code null} for contacts and feedback not tied to a case
 * @param data   an instance of {@link EventType#dataType()}, or {@code null} when the event carried none
 */
public record CaseEvent(String source, String id, EventType type, Instant time, String department, String caseId,
        Record data) {

    /** The data as the record this type carries, or {@code null} when the type is another or there is no data. */
    public <T extends Record> T data(Class<T> dataType) {
        return dataType.isInstance(data) ? dataType.cast(data) : null;
    }
}
