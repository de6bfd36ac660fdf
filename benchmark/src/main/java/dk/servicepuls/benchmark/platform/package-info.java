/**
 * The platform under test: the local mode jar run as a child process on a fresh data folder with a JFR recording,
 * and what the benchmark reads off it (ready time, heap, resident memory).
 */
package dk.servicepuls.benchmark.platform;
