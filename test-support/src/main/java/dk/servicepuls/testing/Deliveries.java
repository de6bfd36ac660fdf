package dk.servicepuls.testing;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What reached a topic of the events a test had acknowledged, by event id ({@code ce_id}): which of them are missing,
 * which arrived more than once, and how many records there were in all. The numbers a fault test prints and asserts.
 *
 * @param expected   how many distinct events were acknowledged
 * @param records    how many records of those events reached the topic
 * @param distinct   how many of the acknowledged events reached it at least once
 * @param missing    the acknowledged events that did not reach it
 * @param duplicated the acknowledged events that reached it more than once
 */
public record Deliveries(int expected, long records, int distinct, Set<String> missing, Set<String> duplicated) {

    /** Counts the records on the topic whose {@code ce_id} is one of {@code acknowledged}; others are ignored. */
    public static Deliveries of(Collection<String> acknowledged, List<ConsumerRecord<String, byte[]>> onTopic) {
        Set<String> expected = new LinkedHashSet<>(acknowledged);
        Map<String, Long> counts = RecordedTopic.countById(onTopic);
        counts.keySet().retainAll(expected);
        Set<String> missing = new LinkedHashSet<>(expected);
        missing.removeAll(counts.keySet());
        Set<String> duplicated = new LinkedHashSet<>();
        counts.forEach((id, count) -> {
            if (count > 1) {
                duplicated.add(id);
            }
        });
        long records = counts.values().stream().mapToLong(Long::longValue).sum();
        return new Deliveries(expected.size(), records, counts.size(), Set.copyOf(missing), Set.copyOf(duplicated));
    }

    /** Records beyond the first of each event: 0 when every event arrived exactly once. */
    public long extraCopies() {
        return records - distinct;
    }

    /** One line for a test's output and a closing note. */
    public String summary() {
        return expected + " acknowledged, " + distinct + " arrived, " + missing.size() + " missing, " + duplicated.size()
                + " duplicated (" + extraCopies() + " extra copies, " + records + " records)";
    }
}
