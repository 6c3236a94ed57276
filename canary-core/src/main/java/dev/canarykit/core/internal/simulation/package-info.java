/**
 * Not part of canarykit's API: the release simulator behind {@code canarykit simulate}. Scenarios of traffic and
 * version behaviour are played through the real machine and driver on the in-memory ports, under each
 * {@link dev.canarykit.core.simulation.Policy}; the command's scenario file and JSON report are its documented
 * interface. Left out of the Javadoc and of the API listing; may change in any release.
 *
 * <p>Nullness: no parameter or return value is {@code null}; absent values are {@link java.util.Optional}.
 */
package dev.canarykit.core.internal.simulation;
