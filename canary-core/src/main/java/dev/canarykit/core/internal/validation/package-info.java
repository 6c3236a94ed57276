/**
 * Not part of canarykit's API: the rules behind {@link dev.canarykit.core.model.Canary#validate()} and
 * {@link dev.canarykit.core.model.MetricTemplate#validate()}, one class per part of the spec. {@code CanaryValidator}
 * and {@code MetricTemplateRules} are public only so that the model can call them; users call {@code validate()} or
 * {@code requireValid()} on the model instead. Left out of the API documentation and listing; may change in any
 * release.
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.core.internal.validation;
