/**
 * JMH benchmarks of the platform's hot paths: schema validation and free-text masking here, through their public
 * API. Reading and normalising an ingested event ({@code dk.servicepuls.platform.ingest.IngestReadingBenchmark}) and
 * the risk model ({@code dk.servicepuls.escalation.risk.RiskModelBenchmark}) are package-private in their modules,
 * so their benchmarks live in the same package names in this module. Run them from the JMH jar (profile
 * {@code jmh}); they are never part of {@code verify}.
 */
package dk.servicepuls.benchmark.jmh;
