package dk.servicepuls.analytics.facts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The little that is kept of one event: its identity, which makes a redelivery recognisable, what it is counted by,
 * and the handful of coded values the KPIs are computed from ({@link FactValues}). Never the case id (only a one-way
 * key of it, to group a case's events), a party reference, a caseworker id or any free text.
 *
 * @param department null when the event broke the contract and came without one
 * @param time       null when the event came without one
 * @param caseKey    a one-way key of the department's case id ({@link CaseKeys}); null for an event without a case
 * @param values     the KPI values of its type, by name: strings, numbers, booleans, instants and lists of strings
 */
public record EventFact(String source, String id, String type, String department, Instant time, String caseKey,
        Map<String, Object> values) {

    public EventFact {
        if (source == null || id == null || type == null) {
            throw new IllegalArgumentException("An event fact needs the event's source, id and type");
        }
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    public EventFact(String source, String id, String type, String department, Instant time) {
        this(source, id, type, department, time, null, Map.of());
    }

    public String text(String name) {
        return values.get(name) instanceof String text ? text : null;
    }

    public Double number(String name) {
        return values.get(name) instanceof Number number ? number.doubleValue() : null;
    }

    public boolean flag(String name) {
        return Boolean.TRUE.equals(values.get(name));
    }

    public Boolean bool(String name) {
        return values.get(name) instanceof Boolean bool ? bool : null;
    }

    public Instant instant(String name) {
        return values.get(name) instanceof Instant instant ? instant : null;
    }

    public List<String> texts(String name) {
        return values.get(name) instanceof List<?> list
                ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList()
                : List.of();
    }
}
