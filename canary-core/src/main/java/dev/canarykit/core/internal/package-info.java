/**
 * Not part of canarykit's API: code that canarykit's own packages and modules share (the one JSON writer, Go and
 * Prometheus duration syntax, revision hashes, the schema of Flagger's Istio blocks, the trust-all TLS context of
 * {@code disableTLS} hooks, the analysis' threshold comparison the tools show next to a value, the address rewrite
 * the demo gives the webhook client). It is public only so that those can reach it, is left out of the API
 * documentation and of the API listing ({@code canary-core/api/canary-core.api}), and may change in any release.
 *
 * <p>Nullness: no parameter or return value is {@code null}; absent values are {@link java.util.Optional}.
 */
package dev.canarykit.core.internal;
