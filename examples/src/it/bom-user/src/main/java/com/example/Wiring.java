package com.example;

import dev.canarykit.core.webhook.AsyncEventSink;
import dev.canarykit.core.webhook.HttpWebhookClient;
import dev.canarykit.istio.IstioTrafficRouter;
import dev.canarykit.k8s.KubernetesSecretResolver;
import dev.canarykit.k8s.alert.AlertDispatcher;
import dev.canarykit.k8s.alert.AlertProviderLookup;
import dev.canarykit.k8s.controller.ControllerConfig;
import dev.canarykit.k8s.controller.LeaderElection;
import dev.canarykit.k8s.metrics.ControllerMetrics;
import dev.canarykit.k8s.metrics.FlaggerMetrics;
import dev.canarykit.prometheus.PrometheusMetricSource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;

/**
 * The controller composed from the adapters, word for word as the README's "Running the controller" shows it
 * (public API only; ReadmeControllerTest in canarykit's examples checks that the two say the same).
 */
public final class Wiring {
  private Wiring() {}

  public static ControllerConfig config(KubernetesClient k8s, MeterRegistry meterRegistry, String podName) {
    HttpClient http = HttpClient.newHttpClient();
    ControllerConfig config = ControllerConfig.builder()
        .router(new IstioTrafficRouter(k8s))
        .metrics(PrometheusMetricSource.factory())          // MetricTemplates and their Secrets come from the cluster
        .defaultMetricsServer("http://prometheus.istio-system:9090")
        .webhooks(HttpWebhookClient.builder().build())
        .events(k8sEvents -> AsyncEventSink.builder(                         // events and alerts leave the tick
            AlertDispatcher.builder(http).delegate(k8sEvents).providers(AlertProviderLookup.kubernetes(k8s))
                .secrets(new KubernetesSecretResolver(k8s)).build())
            .build())
        .listener(new FlaggerMetrics(meterRegistry, "canarykit", "istio"))   // Flagger's metric names
        .controllerListener(new ControllerMetrics(meterRegistry))            // canarykit_tick_lateness_seconds
        .workers(4)
        .leaderElection(LeaderElection.of("canarykit", "canarykit-leader", podName))
        .build();
    return config;
  }
}
