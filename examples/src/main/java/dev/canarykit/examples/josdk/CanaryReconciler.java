package dev.canarykit.examples.josdk;

import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.driver.CanaryDriver;
import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.EventSink;
import dev.canarykit.core.validation.Violation;
import dev.canarykit.k8s.CanaryMapping;
import dev.canarykit.k8s.KubernetesMetricTemplateLookup;
import dev.canarykit.k8s.KubernetesSecretResolver;
import dev.canarykit.k8s.controller.CanaryFinalizer;
import dev.canarykit.k8s.controller.ControllerConfig;
import dev.canarykit.k8s.event.KubernetesEventSink;
import dev.canarykit.k8s.resource.CanaryResource;
import dev.canarykit.k8s.resource.MetricTemplateResource;
import dev.canarykit.k8s.status.InvalidCanaryReports;
import dev.canarykit.k8s.status.KubernetesStatusStore;
import dev.canarykit.k8s.workload.KubernetesWorkloadStore;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Drives Flagger's Canaries through canarykit from a Java Operator SDK (5.2) reconciler, the way a platform team
 * would embed it in an operator of its own:
 * <ul>
 *   <li><b>Caches.</b> JOSDK's primary cache holds the Canaries; one informer event source per kind canarykit reads
 *       (Deployments, Services, HPAs, ConfigMaps, Secrets, MetricTemplates) wakes the Canaries of its namespace and
 *       backs canarykit's read port ({@link JosdkCaches}), so canarykit starts no informer of its own.</li>
 *   <li><b>Pacing and rescheduling.</b> Every reconcile is a canarykit tick. Events come at any time; the machine
 *       takes at most one analysis step per interval, and a paced tick says when the next step is due, which
 *       becomes JOSDK's {@code rescheduleAfter}; otherwise the next reconcile is an interval away.</li>
 *   <li><b>Status.</b> canarykit writes the status itself (a JSON Patch of the status subresource guarded by the
 *       resourceVersion it read), so the reconciler returns {@link UpdateControl#noUpdate()}: JOSDK's status
 *       patch would overwrite a concurrent writer's status without that guard. Status-only updates do not wake
 *       the reconciler (JOSDK's generation-aware processing).</li>
 *   <li><b>Deletion.</b> JOSDK owns the finalizer; its {@link Cleaner} call runs canarykit's public
 *       {@link CanaryFinalizer#revert} pass until it is done (with {@code revertOnDeletion}), rescheduling itself
 *       meanwhile. canarykit's own finalizer ({@code finalizer.flagger.app}) is not used here.</li>
 *   <li><b>Invalid Canaries</b> get a Warning Event and a {@code Valid=False} condition, as in the controller.</li>
 * </ul>
 * The configuration is the controller's {@link ControllerConfig}; JOSDK replaces its scheduling, namespaces,
 * workers and leader election, so {@code namespace}, {@code workers}, {@code leaderElection} are not used and
 * {@code intervals} is the delay after a tick that is not paced.
 *
 * <pre>{@code
 * Operator operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false));
 * CanaryReconciler reconciler = new CanaryReconciler(config);
 * operator.register(reconciler);
 * operator.start();
 * ...
 * operator.stop();
 * reconciler.close();   // closes the event sink built by config.events()
 * }</pre>
 */
@ControllerConfiguration(name = "canarykit")
public final class CanaryReconciler implements Reconciler<CanaryResource>, Cleaner<CanaryResource>,
    AutoCloseable {
  /** The kinds canarykit reads besides Canaries, each through a JOSDK informer event source. */
  static final List<Class<? extends HasMetadata>> KINDS = List.of(Deployment.class, Service.class,
      HorizontalPodAutoscaler.class, ConfigMap.class, Secret.class, MetricTemplateResource.class);
  private static final Duration FINALIZE_RETRY = Duration.ofSeconds(3);

  private final ControllerConfig config;
  private volatile Parts parts;

  /** A reconciler with the controller's configuration (see the class comment for what applies). */
  public CanaryReconciler(ControllerConfig config) {
    this.config = Objects.requireNonNull(config, "config == null");
  }

  /** What a tick needs, built once JOSDK hands over its caches. */
  private record Parts(CanaryDriver driver, CanaryFinalizer finalizer, InvalidCanaryReports invalids,
      EventSink events) {}

  @Override
  public List<EventSource<?, CanaryResource>> prepareEventSources(EventSourceContext<CanaryResource> context) {
    Map<Class<? extends HasMetadata>, InformerEventSource<? extends HasMetadata, CanaryResource>> sources =
        new LinkedHashMap<>();
    for (Class<? extends HasMetadata> kind : KINDS) {
      sources.put(kind, source(kind, context));
    }
    parts = build(context.getClient(), new JosdkCaches(context.getPrimaryCache(), sources, context.getClient()));
    return new ArrayList<>(sources.values());
  }

  private static <R extends HasMetadata> InformerEventSource<R, CanaryResource> source(
      Class<R> kind, EventSourceContext<CanaryResource> context) {
    SecondaryToPrimaryMapper<R> mapper = kind == MetricTemplateResource.class ? r -> Set.of()
        : r -> canariesOf(context.getPrimaryCache(), r.getMetadata().getNamespace());
    return new InformerEventSource<>(InformerEventSourceConfiguration.from(kind, CanaryResource.class)
        .withSecondaryToPrimaryMapper(mapper).build(), context);
  }

  /** Every Canary of {@code namespace}: any change next to a Canary is a reason to look at it. */
  private static Set<ResourceID> canariesOf(Cache<CanaryResource> canaries, String namespace) {
    return canaries.list(c -> namespace.equals(c.getMetadata().getNamespace())).map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  private Parts build(KubernetesClient client, JosdkCaches reader) {
    var workloads = KubernetesWorkloadStore.builder(client).reader(reader).build();
    var statuses = KubernetesStatusStore.create(client, reader);
    var k8sEvents = KubernetesEventSink.builder(client).component(config.eventComponent()).reader(reader)
        .clock(config.clock()).build();
    EventSink events = config.events().apply(k8sEvents);
    var driver = CanaryDriver.builder().workloads(workloads).router(config.router())
        .metrics(config.metrics().perServer(config.defaultMetricsServer(), KubernetesMetricTemplateLookup.of(reader),
            new KubernetesSecretResolver(reader)))
        .webhooks(config.webhooks()).statuses(statuses).events(events).clock(config.clock())
        .listener(config.listener()).build();
    // the revert checks the target right after scaling it: it reads the API server, never a cache
    var finalizer = CanaryFinalizer.create(client, KubernetesWorkloadStore.builder(client).build(), config.router(),
        events, statuses, config.clock());
    return new Parts(driver, finalizer, InvalidCanaryReports.create(client, k8sEvents, config.clock()), events);
  }

  @Override
  public UpdateControl<CanaryResource> reconcile(CanaryResource resource, Context<CanaryResource> context) {
    Parts p = parts();
    Canary canary = CanaryMapping.toCore(resource);
    Duration interval = config.intervals().apply(canary);
    List<Violation> violations = violations(canary);
    if (!violations.isEmpty()) {
      p.invalids().invalid(resource, canary, violations);
      return UpdateControl.<CanaryResource>noUpdate().rescheduleAfter(interval);
    }
    p.invalids().valid(resource);
    TickReport report = p.driver().tick(canary);
    config.onTick().accept(report);
    Duration next = report.pacedUntil().map(due -> Duration.between(config.clock().instant(), due))
        .filter(d -> !d.isNegative()).orElse(interval);
    return UpdateControl.<CanaryResource>noUpdate().rescheduleAfter(next);
  }

  private List<Violation> violations(Canary canary) {
    return CanaryMapping.violations(canary, config.noCrossNamespaceRefs());
  }

  @Override
  public DeleteControl cleanup(CanaryResource resource, Context<CanaryResource> context) {
    Parts p = parts();
    Canary canary = CanaryMapping.toCore(resource);
    if (!canary.spec().revertOnDeletion()) {
      return DeleteControl.defaultDelete();
    }
    if (!p.finalizer().revert(canary)) {
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(FINALIZE_RETRY);
    }
    p.events().event(canary, CanaryEvent.info("Terminated canary " + canary.qualifiedName()));
    return DeleteControl.defaultDelete();
  }

  private Parts parts() {
    Parts p = parts;
    if (p == null) {
      throw new IllegalStateException("the reconciler is not registered with an Operator");
    }
    return p;
  }

  /** Closes the event sink built by {@code config.events()} (e.g. an {@code AsyncEventSink}); call after stop. */
  @Override
  public void close() {
    Parts p = parts;
    if (p != null && p.events() instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the event sink failed", e);
      }
    }
  }
}
