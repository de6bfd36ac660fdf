/**
 * The embedded MongoDB-wire store that the local mode and the tests run on: mongo-java-server with its memory or H2
 * (MVStore) backend, extended where the library leaves it slow or unsafe. Queries that name {@code _id} (or all keys
 * of another unique index) with equality are answered from that index; every remaining collection scan passes a
 * {@link dk.servicepuls.embeddedstore.ScanGuard}, which records its shape (never values) and can refuse it; the H2
 * file keeps documents as BSON and commits after every write command, so an acknowledged write survives a killed
 * process.
 */
package dk.servicepuls.embeddedstore;
