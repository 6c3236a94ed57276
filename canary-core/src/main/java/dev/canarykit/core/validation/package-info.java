/**
 * Validation of a whole {@link dev.canarykit.core.model.Canary}: every violation is reported at once, each with
 * the root-relative path of the most specific bad field, the bad value and what is allowed.
 *
 * <pre>{@code
 * List<Violation> violations = canary.validate();   // empty when valid
 * canary.requireValid();                            // or throw InvalidCanaryException listing them all
 * }</pre>
 *
 * <p>{@link dev.canarykit.core.validation.PrometheusDuration} checks Prometheus range durations such as
 * {@code 1m} or {@code 1h30m}.
 */
package dev.canarykit.core.validation;
