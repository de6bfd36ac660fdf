/**
 * Free texts sealed on the event topics, so that erasure and retention reach the topics too (crypto-shredding). The
 * topics keep every event for good; the notes, comments and complaint texts on them are sealed with a key per case
 * ({@link dk.servicepuls.platform.sealing.TextKeys}), each key is published wrapped on {@code privacy.text-keys}
 * before any text sealed with it, and destroying the key (a tombstone, then compaction) leaves the texts on the
 * topics unreadable for good. A service that reads the texts keeps the keys it may need from that topic
 * ({@link dk.servicepuls.platform.sealing.TextKeyRing}).
 */
package dk.servicepuls.platform.sealing;
