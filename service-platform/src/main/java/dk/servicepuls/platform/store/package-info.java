/** The document store as the platform uses it: health that holds on real MongoDB and on the embedded store. */
package dk.servicepuls.platform.store;
