package com.example;

import dev.canarykit.core.webhook.AsyncEventSink;
import dev.canarykit.core.webhook.HttpWebhookClient;
import dev.canarykit.istio.IstioTrafficRouter;
import dev.canarykit.k8s.KubernetesSecretResolver;
import dev.canarykit.k8s.alert.AlertDispatcher;
import dev.canarykit.k8s.alert.AlertProviderLookup;
import dev.canarykit.k8s.controller.ControllerConfig;
import dev.canarykit.k8s.controller.LeaderElection;
import dev.canarykit.prometheus.PrometheusMetricSource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.http.HttpClient;

/** The controller composed from the adapters, as the README shows it (public API only). */
public final class Wiring {
  private Wiring() {}

  public static ControllerConfig config(KubernetesClient k8s, String podName) {
    HttpClient http = HttpClient.newHttpClient();
    return ControllerConfig.builder()
        .router(new IstioTrafficRouter(k8s))
        .metrics(PrometheusMetricSource.factory())
        .defaultMetricsServer("http://prometheus.istio-system:9090")
        .webhooks(HttpWebhookClient.builder().build())
        .events(k8sEvents -> AsyncEventSink.builder(
            AlertDispatcher.builder(http).delegate(k8sEvents).providers(AlertProviderLookup.kubernetes(k8s))
                .secrets(new KubernetesSecretResolver(k8s)).build())
            .build())
        .workers(4)
        .leaderElection(LeaderElection.of("canarykit", "canarykit-leader", podName))
        .build();
  }
}
