/**
 * HTML pictures of a release or a backtest (weights and each metric against its pass band), drawn as SVG.
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.examples.report;
