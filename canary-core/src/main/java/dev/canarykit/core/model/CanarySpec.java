package dev.canarykit.core.model;

import dev.canarykit.core.judge.JudgeConfig;

/**
 * A Canary's {@code spec}, field for field as Flagger's {@code flagger.app/v1beta1} Canary.
 *
 * @param targetRef the workload to release (required)
 * @param autoscalerRef the target's autoscaler, or {@code null}
 * @param ingressRef an ingress reference (other providers), or {@code null}
 * @param routeRef a route reference (other providers), or {@code null}
 * @param service the generated services and routing (required)
 * @param progressDeadlineSeconds seconds a rollout may stall before rollback; {@code null} is 600
 * @param skipAnalysis promote without analysis once the canary is ready
 * @param suspend do nothing at all (status and routes stay frozen)
 * @param revertOnDeletion restore the target and routing when the Canary is deleted
 * @param provider the mesh provider, or {@code null} for the controller default ({@code istio})
 * @param metricsServer the Prometheus address for built-in metrics, or {@code null} for the controller default
 * @param analysis the analysis, or {@code null} (which skips analysis, as in Flagger)
 * @param judge canarykit's statistical canary-versus-primary judge, or {@code null} when off (Flagger's behaviour)
 * @param gateTimeout how long a confirm-rollout or confirm-promotion gate may keep a canary waiting before it is
 *     rolled back, or {@code null} to wait forever (Flagger's behaviour, #1450)
 */
public record CanarySpec(
    TargetRef targetRef,
    AutoscalerRef autoscalerRef,
    LocalRef ingressRef,
    LocalRef routeRef,
    ServiceSpec service,
    Integer progressDeadlineSeconds,
    boolean skipAnalysis,
    boolean suspend,
    boolean revertOnDeletion,
    String provider,
    String metricsServer,
    AnalysisSpec analysis,
    JudgeConfig judge,
    java.time.Duration gateTimeout) {

  /** A spec without the judge (the shape of Flagger's spec). */
  public CanarySpec(TargetRef targetRef, AutoscalerRef autoscalerRef, LocalRef ingressRef, LocalRef routeRef,
      ServiceSpec service, Integer progressDeadlineSeconds, boolean skipAnalysis, boolean suspend,
      boolean revertOnDeletion, String provider, String metricsServer, AnalysisSpec analysis) {
    this(targetRef, autoscalerRef, ingressRef, routeRef, service, progressDeadlineSeconds, skipAnalysis, suspend,
        revertOnDeletion, provider, metricsServer, analysis, null, null);
  }

  /** Default progress deadline. */
  public static final int DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

  /** Starts a builder for a canary of {@code target} exposed on {@code service}. */
  public static Builder builder(TargetRef target, ServiceSpec service) {
    return new Builder().targetRef(target).service(service);
  }

  /** Whether analysis is skipped: {@code skipAnalysis} set or no analysis at all. */
  public boolean skipsAnalysis() {
    return skipAnalysis || analysis == null;
  }

  /** The analysis, or an empty one when none is given. */
  public AnalysisSpec analysisOrEmpty() {
    return analysis == null ? AnalysisSpec.builder().build() : analysis;
  }

  /** The progress deadline in seconds. */
  public int progressDeadlineOrDefault() {
    return progressDeadlineSeconds == null ? DEFAULT_PROGRESS_DEADLINE_SECONDS : progressDeadlineSeconds;
  }

  /** The provider's name as written, {@code istio} when none is given (Flagger's texts name it so). */
  public String providerOrDefault() {
    return provider == null || provider.isEmpty() ? "istio" : provider;
  }

  /** The provider in use. */
  public Provider providerType() {
    return Provider.of(provider);
  }

  /**
   * Whether canarykit drives this Canary's provider: {@code istio} (the default) and {@code kubernetes}. Canaries of
   * other providers are valid Flagger resources that canarykit does not run.
   */
  public boolean providerIsDriven() {
    return providerType().driven();
  }

  /** The apex service name: service.name, else the target's name. */
  public String serviceName() {
    return service != null && service.name() != null && !service.name().isEmpty() ? service.name() : targetRef.name();
  }

  /** A builder initialised with this spec's values. */
  public Builder toBuilder() {
    return new Builder().targetRef(targetRef).autoscalerRef(autoscalerRef).ingressRef(ingressRef).routeRef(routeRef)
        .service(service).progressDeadlineSeconds(progressDeadlineSeconds).skipAnalysis(skipAnalysis)
        .suspend(suspend).revertOnDeletion(revertOnDeletion).provider(provider).metricsServer(metricsServer)
        .analysis(analysis).judge(judge).gateTimeout(gateTimeout);
  }

  /** A copy with another analysis. */
  public CanarySpec withAnalysis(AnalysisSpec a) {
    return toBuilder().analysis(a).build();
  }

  /** Builds a {@link CanarySpec}; values are checked by validation, not here. */
  public static final class Builder {
    private TargetRef targetRef;
    private AutoscalerRef autoscalerRef;
    private LocalRef ingressRef;
    private LocalRef routeRef;
    private ServiceSpec service;
    private Integer progressDeadlineSeconds;
    private boolean skipAnalysis;
    private boolean suspend;
    private boolean revertOnDeletion;
    private String provider;
    private String metricsServer;
    private AnalysisSpec analysis;
    private JudgeConfig judge;
    private java.time.Duration gateTimeout;

    private Builder() {}

    public Builder targetRef(TargetRef v) { targetRef = v; return this; }
    public Builder autoscalerRef(AutoscalerRef v) { autoscalerRef = v; return this; }
    public Builder ingressRef(LocalRef v) { ingressRef = v; return this; }
    public Builder routeRef(LocalRef v) { routeRef = v; return this; }
    public Builder service(ServiceSpec v) { service = v; return this; }
    public Builder progressDeadlineSeconds(Integer v) { progressDeadlineSeconds = v; return this; }
    public Builder skipAnalysis(boolean v) { skipAnalysis = v; return this; }
    public Builder suspend(boolean v) { suspend = v; return this; }
    public Builder revertOnDeletion(boolean v) { revertOnDeletion = v; return this; }
    public Builder provider(String v) { provider = v; return this; }
    public Builder metricsServer(String v) { metricsServer = v; return this; }
    public Builder analysis(AnalysisSpec v) { analysis = v; return this; }
    public Builder judge(JudgeConfig v) { judge = v; return this; }
    public Builder gateTimeout(java.time.Duration v) { gateTimeout = v; return this; }

    public CanarySpec build() {
      return new CanarySpec(targetRef, autoscalerRef, ingressRef, routeRef, service, progressDeadlineSeconds,
          skipAnalysis, suspend, revertOnDeletion, provider, metricsServer, analysis, judge, gateTimeout);
    }
  }

  /**
   * The workload a Canary drives ({@code spec.targetRef}), for example {@code apps/v1 Deployment podinfo}.
   *
   * @param apiVersion the target's API version, e.g. {@code apps/v1}
   * @param kind the target's kind, e.g. {@code Deployment}
   * @param name the target's name in the Canary's namespace
   */
  public record TargetRef(String apiVersion, String kind, String name) {
    /** A Deployment target in {@code apps/v1}. */
    public static TargetRef deployment(String name) {
      return new TargetRef("apps/v1", "Deployment", name);
    }

    /** The kind as canarykit tells kinds apart. */
    public Kind kindType() {
      return Kind.of(kind);
    }

    /** Target kinds Flagger knows; the text stays in {@link #kind()}, which Flagger's event texts name. */
    public enum Kind {
      DEPLOYMENT("Deployment"),
      DAEMON_SET("DaemonSet"),
      /** A Service target: Flagger's metric texts name the provider as {@code <provider>:service}. */
      SERVICE("Service"),
      /** Any other kind (a validation error where a kind is required). */
      OTHER("");

      private final String text;

      Kind(String text) {
        this.text = text;
      }

      /** The kind named by {@code text} ({@code Deployment}, ...), or {@link #OTHER}. */
      public static Kind of(String text) {
        for (Kind k : values()) {
          if (k != OTHER && k.text.equals(text)) {
            return k;
          }
        }
        return OTHER;
      }
    }
  }

  /**
   * The target's autoscaler ({@code spec.autoscalerRef}). {@code autoscaling/v2beta2} references are accepted and
   * served by whichever autoscaling version the cluster has.
   *
   * @param apiVersion e.g. {@code autoscaling/v2}
   * @param kind e.g. {@code HorizontalPodAutoscaler}
   * @param name the source autoscaler's name
   * @param primaryScalerReplicas optional overrides of the primary autoscaler's min and max, or {@code null}
   */
  public record AutoscalerRef(
      String apiVersion, String kind, String name, PrimaryScalerReplicas primaryScalerReplicas) {
    /**
     * Overrides for the primary autoscaler ({@code autoscalerRef.primaryScalerReplicas}).
     *
     * @param minReplicas the primary's minimum, or {@code null} to copy the source's
     * @param maxReplicas the primary's maximum, or {@code null} to copy the source's
     */
    public record PrimaryScalerReplicas(Integer minReplicas, Integer maxReplicas) {}
  }

  /**
   * A reference by name to an object in the Canary's namespace ({@code ingressRef}, {@code routeRef}).
   *
   * @param apiVersion the referenced object's API version
   * @param kind the referenced object's kind
   * @param name its name
   */
  public record LocalRef(String apiVersion, String kind, String name) {}

  /**
   * The mesh or ingress provider of a Canary ({@code spec.provider}) as canarykit tells providers apart. The text
   * stays in {@link CanarySpec#provider()}: Flagger's event texts name it as written, and providers canarykit does not
   * drive carry versions ({@code gatewayapi:v1beta1}).
   */
  public enum Provider {
    /** {@code istio}, also when the field is empty (the controller default). */
    ISTIO,
    /** {@code kubernetes}: no mesh routing, so the Blue/Green strategy is forced. */
    KUBERNETES,
    /** A provider Flagger supports and canarykit does not drive (linkerd, gatewayapi, ...). */
    OTHER;

    /** The provider named by {@code text}; {@code null} or empty is {@link #ISTIO}. */
    public static Provider of(String text) {
      if (text == null || text.isEmpty() || text.equals("istio")) {
        return ISTIO;
      }
      return text.equals("kubernetes") ? KUBERNETES : OTHER;
    }

    /** Whether canarykit drives Canaries of this provider. */
    public boolean driven() {
      return this != OTHER;
    }
  }
}
