/** RFC 9457 problem responses, the same on every service. */
package dk.servicepuls.platform.web;
