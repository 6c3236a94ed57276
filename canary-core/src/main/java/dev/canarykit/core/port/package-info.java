/**
 * The ports: role-named interfaces through which {@link dev.canarykit.core.driver.CanaryDriver} executes the
 * commands of the pure state machine. Adapters (canary-k8s, canary-istio, canary-prometheus) implement them;
 * {@code dev.canarykit.core.testing} holds an in-memory implementation of each.
 *
 * <pre>{@code
 * CanaryDriver driver = CanaryDriver.builder()
 *     .workloads(kubernetesWorkloadStore).router(istioTrafficRouter).metrics(prometheusMetricSource)
 *     .webhooks(httpWebhookClient).statuses(kubernetesStatusStore).events(kubernetesEventSink)
 *     .build();
 * TickReport report = driver.tick(canary);
 * }</pre>
 *
 * <p>Ports never throw checked exceptions and report failures as values: an {@link
 * dev.canarykit.core.analysis.Outcome} for commands, a typed result ({@link StatusRead}, {@link StatusWrite},
 * {@link SecretLookup}) where a port returns data. A {@link RuntimeException} escaping a port is an adapter bug;
 * the driver still turns it into a failed outcome so one bad call never crashes a tick.
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.core.port;

import dev.canarykit.core.port.SecretResolver.SecretLookup;
import dev.canarykit.core.port.StatusStore.StatusRead;
import dev.canarykit.core.port.StatusStore.StatusWrite;
