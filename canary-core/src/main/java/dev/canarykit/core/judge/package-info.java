/**
 * The statistical canary-versus-primary judge (docs/judge-statistics.md): pure, anytime-valid sequential tests over
 * per-version counts.
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.core.judge;
