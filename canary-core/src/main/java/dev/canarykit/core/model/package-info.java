/**
 * The Canary model: Flagger's {@code Canary} and {@code MetricTemplate} resources as immutable records, with their
 * builders and validation entry points ({@link dev.canarykit.core.model.Canary#validate()}).
 *
 * <p>Nullness: the records mirror Flagger's resources, so an optional field that the YAML leaves out is {@code null}
 * where its documentation says "or {@code null}" (for example {@code spec.analysis}, a threshold bound, a JSON
 * block such as {@code rewrite}); lists and string maps are never {@code null} (empty instead). Methods take and
 * return no {@code null} unless documented.
 */
package dev.canarykit.core.model;
