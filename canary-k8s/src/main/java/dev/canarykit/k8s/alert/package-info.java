/**
 * Alerts to chat services (docs/flagger-compatibility.md §1.16): Slack, Microsoft Teams, Discord, Rocket.Chat, Google
 * Chat with Flagger's payloads, and canarykit's generic JSON webhook.
 *
 * <pre>{@code
 * AlertDispatcher alerts = AlertDispatcher.builder(httpClient)
 *     .providers((ns, name) -> Optional.ofNullable(informerCache.get(ns + "/" + name)).map(AlertProvider::of))
 *     .secrets(new KubernetesSecretResolver(client)).clusterName("prod-eu").delegate(kubernetesEvents).build();
 * CanaryDriver driver = CanaryDriver.builder()...events(AsyncEventSink.builder(alerts).build()).build();
 * }</pre>
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.k8s.alert;
