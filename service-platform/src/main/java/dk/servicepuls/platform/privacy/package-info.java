/** Privacy at the door: keyed pseudonyms for party identifiers and masking of personal data in free text. */
package dk.servicepuls.platform.privacy;
