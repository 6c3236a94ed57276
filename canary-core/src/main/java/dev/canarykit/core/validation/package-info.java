/**
 * The result of validating a whole {@link dev.canarykit.core.model.Canary}: every violation is reported at once,
 * each with the root-relative path of the most specific bad field, the bad value and what is allowed. The rules
 * themselves are not API; the model runs them.
 *
 * <pre>{@code
 * List<Violation> violations = canary.validate();   // empty when valid
 * canary.requireValid();                            // or throw InvalidCanaryException listing them all
 * }</pre>
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.core.validation;
