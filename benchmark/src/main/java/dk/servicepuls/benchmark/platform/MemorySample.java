package dk.servicepuls.benchmark.platform;

/**
 * The platform process's memory at one moment, in bytes; -1 where it could not be read.
 *
 * @param heapUsed   the JVM's used heap, from contact-service's actuator (all services share the one JVM)
 * @param rss        resident set size (VmRSS)
 * @param rssPeak    the resident set's high-water mark so far (VmHWM)
 */
public record MemorySample(long heapUsed, long rss, long rssPeak) {
}
