package dk.servicepuls.benchmark.kafka;

/**
 * The raw producer ceiling on the platform's broker.
 *
 * @param partitions the scratch topic's partitions (as many as {@code contact.events})
 * @param complete   whether all records were acknowledged within the time limit
 */
public record CeilingResult(long requested, long acknowledged, double seconds, double recordsPerSecond,
        int valueBytes, int partitions, boolean complete) {
}
