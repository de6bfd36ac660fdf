/**
 * The document store as the platform uses it, alike on real MongoDB and on the embedded store: inserts that take a
 * repeat for done ({@code InsertOnce}), a poll's writes committed together ({@code BatchCommit}), values written as
 * the documents a read expects ({@code JsonDocuments}, {@code MappedDocuments}), and the store's health.
 */
package dk.servicepuls.platform.store;
