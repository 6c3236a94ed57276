/**
 * canarykit examples module. The adapter arrives with its own issue; until then the module only builds.
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.examples;
