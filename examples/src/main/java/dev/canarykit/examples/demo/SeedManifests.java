package dev.canarykit.examples.demo;

import dev.canarykit.core.judge.JudgeConfig;
import dev.canarykit.core.internal.GoDuration;
import dev.canarykit.k8s.CanarykitAnnotations;
import io.fabric8.istio.api.networking.v1beta1.Gateway;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's manifests, packaged in the jar under {@value #DIRECTORY}, so the demo reads nothing outside its class path.
 */
final class SeedManifests {
  /** Where the manifests live on the class path. */
  public static final String DIRECTORY = "seed/";

  private final KubernetesClient client;

  /** Reads and applies through {@code client}, which the caller owns. */
  public SeedManifests(KubernetesClient client) {
    this.client = client;
  }

  /** Applies the Deployment, the HPA and the Gateway. */
  public void applyWorkloads() {
    applyWorkloadsOnly();
    applyGateway();
  }

  /** Applies the Deployment and the HPA. */
  public void applyWorkloadsOnly() {
    client.resource(read("podinfo-deployment.yaml", Deployment.class)).create();
    client.resource(read("podinfo-hpa.yaml", HorizontalPodAutoscaler.class)).create();
  }

  /** Applies the Istio Gateway. */
  public void applyGateway() {
    client.adapt(IstioClient.class).v1beta1().gateways()
        .resource(read("public-gateway.yaml", Gateway.class)).create();
  }

  /**
   * Applies the Canary with its durations divided by {@code scale}.
   *
   * @return the rewritten values, one line each
   * @throws IllegalArgumentException if the scale is rejected; nothing is applied then
   */
  public List<String> applyCanary(TimeScale scale) {
    return applyCanary(scale, false);
  }

  /**
   * Applies the Canary with its durations divided by {@code scale}, and with canarykit's statistical judge when
   * {@code judge} is set (see {@link #judgeOn}).
   *
   * @return the rewritten values and the added annotations, one line each
   */
  public List<String> applyCanary(TimeScale scale, boolean judge) {
    GenericKubernetesResource canary = canary();
    List<String> changes = new ArrayList<>(scale.rewrite(spec(canary)));
    if (judge) {
      changes.addAll(judgeOn(canary, scale));
    }
    Kinds.of(client, Kinds.CANARY).resource(canary).create();
    return changes;
  }

  /**
   * Turns the judge on with its annotation, scales the two durations of its default policy as the Canary's own
   * durations are scaled (the horizon, {@link JudgeConfig#DEFAULT_HORIZON} of analysis in analysis intervals, and
   * the warm-up, {@link JudgeConfig#DEFAULT_WARMUP}), and declares the demo's failures independent.
   *
   * @return one line per annotation
   */
  static List<String> judgeOn(GenericKubernetesResource canary, TimeScale scale) {
    Object text = Trees.map(spec(canary), "analysis").get("interval");
    Duration interval = GoDuration.parse(String.valueOf(text)).orElse(Duration.ofMinutes(1));
    Duration horizon = JudgeConfig.DEFAULT_HORIZON.dividedBy(scale.factor());
    long intervals = Math.max(1, (horizon.toMillis() + interval.toMillis() - 1) / interval.toMillis());
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(CanarykitAnnotations.JUDGE, "enabled");
    annotations.put(CanarykitAnnotations.JUDGE_HORIZON, Long.toString(intervals));
    annotations.put(CanarykitAnnotations.JUDGE_WARMUP,
        TimeScale.format(JudgeConfig.DEFAULT_WARMUP.dividedBy(scale.factor())));
    // The demo's podinfo fails each request on its own, and the seed's retries (gateway-error, connect-failure,
    // refused-stream) never repeat a 500: its failures do not come in clusters, and the judge is told so.
    annotations.put(CanarykitAnnotations.JUDGE_FAILURE_CLUSTER_MEAN, "1");
    Map<String, String> existing = canary.getMetadata().getAnnotations();
    Map<String, String> all = new LinkedHashMap<>(existing == null ? Map.of() : existing);
    all.putAll(annotations);
    canary.getMetadata().setAnnotations(all);
    List<String> lines = new ArrayList<>();
    annotations.forEach((k, v) -> lines.add("metadata.annotations." + k + ": " + v));
    return lines;
  }

  /** Checks {@code scale} against the seed's Canary without applying anything; the rewritten values. */
  public static List<String> check(TimeScale scale) {
    return scale.rewrite(spec(read(new KubernetesSerialization(), "podinfo-canary.yaml",
        GenericKubernetesResource.class)));
  }

  private GenericKubernetesResource canary() {
    return read("podinfo-canary.yaml", GenericKubernetesResource.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource canary) {
    return (Map<String, Object>) canary.getAdditionalProperties().get("spec");
  }

  private <T extends HasMetadata> T read(String file, Class<T> type) {
    return read(client.getKubernetesSerialization(), file, type);
  }

  private static <T extends HasMetadata> T read(KubernetesSerialization serialization, String file, Class<T> type) {
    try (InputStream in = SeedManifests.class.getClassLoader().getResourceAsStream(DIRECTORY + file)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("missing class-path resource " + DIRECTORY + file));
      }
      return serialization.unmarshal(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
