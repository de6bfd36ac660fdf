/**
 * What one benchmark run found and how it is written down: the figures of each phase, the goals they are held
 * against, the JFR profile of every phase that missed its goal, and the two report files (JSON and Markdown). The
 * report names no person: it holds rates, times, counts and method names only.
 */
package dk.servicepuls.benchmark.report;
