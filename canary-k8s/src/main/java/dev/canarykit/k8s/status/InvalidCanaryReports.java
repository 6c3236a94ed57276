package dev.canarykit.k8s.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.EventSink;
import dev.canarykit.core.validation.Violation;
import dev.canarykit.k8s.resource.CanaryResource;
import dev.canarykit.k8s.resource.ResourceCondition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports invalid Canaries where users look: a Warning Event {@code Invalid canary <name>.<ns>: <violations>} and
 * a status condition {@code Valid=False} (reason {@value #REASON}, the violations as its message), both shown by
 * {@code kubectl describe canary}; likewise Canaries of a provider canarykit does not drive ({@link #notDriven},
 * reason {@value #UNDRIVEN_REASON}). The Event is repeated only when the violations change or every
 * {@link #DEFAULT_REPEAT} while they last (so one stays within Kubernetes' default one-hour Event TTL); the
 * condition is written only when its message changes, and removed by {@link #valid} once the Canary is fixed.
 * Nothing else of the status is touched. Failures are logged, never thrown.
 *
 * <pre>{@code
 * var reports = InvalidCanaryReports.create(client, kubernetesEvents, Clock.systemUTC());
 * List<Violation> v = canary.validate();
 * if (v.isEmpty()) reports.valid(resource); else reports.invalid(resource, canary, v);
 * }</pre>
 */
public final class InvalidCanaryReports {
  /** The condition type. */
  public static final String CONDITION = "Valid";
  /** The condition's reason while the Canary is invalid. */
  public static final String REASON = "InvalidSpec";
  /** The condition's reason while the Canary names a provider canarykit does not drive. */
  public static final String UNDRIVEN_REASON = "UnsupportedProvider";
  private static final String UNDRIVEN = "canarykit drives only the istio (default) and kubernetes providers: this"
      + " Canary is left alone (no workload, route, finalizer or status of its own is written)";
  /** How often the Event is repeated while the violations stay the same. */
  public static final Duration DEFAULT_REPEAT = Duration.ofMinutes(30);
  private static final Logger LOG = LoggerFactory.getLogger(InvalidCanaryReports.class);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final KubernetesClient client;
  private final EventSink events;
  private final Clock clock;
  private final Map<String, Reported> reported = new ConcurrentHashMap<>();

  private record Reported(String message, Instant at) {}

  private InvalidCanaryReports(KubernetesClient client, EventSink events, Clock clock) {
    this.client = Objects.requireNonNull(client, "client == null");
    this.events = Objects.requireNonNull(events, "events == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /**
   * Reports through {@code client} (owned by the caller) and {@code events} (e.g. a {@code KubernetesEventSink}).
   */
  public static InvalidCanaryReports create(KubernetesClient client, EventSink events, Clock clock) {
    return new InvalidCanaryReports(client, events, clock);
  }

  /** Reports {@code violations} (not empty) of the Canary {@code resource}, mapped as {@code canary}. */
  public void invalid(CanaryResource resource, Canary canary, List<Violation> violations) {
    String message = violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    report(resource, canary, REASON, "Invalid canary " + canary.qualifiedName() + ": ", message);
  }

  /**
   * Reports that the Canary {@code resource} names a provider canarykit does not drive, so it is not run: a Warning
   * Event {@code Canary <name>.<ns> not run: spec.provider: ...} and the condition with reason
   * {@value #UNDRIVEN_REASON}, repeated and rewritten as for {@link #invalid}.
   */
  public void notDriven(CanaryResource resource, Canary canary) {
    report(resource, canary, UNDRIVEN_REASON, "Canary " + canary.qualifiedName() + " not run: ",
        new Violation("spec.provider", canary.spec().providerOrDefault(), UNDRIVEN).toString());
  }

  private void report(CanaryResource resource, Canary canary, String reason, String event, String message) {
    Instant now = clock.instant();
    Reported last = reported.get(key(resource));
    if (last == null || !last.message.equals(message) || !now.isBefore(last.at.plus(DEFAULT_REPEAT))) {
      reported.put(key(resource), new Reported(message, now));
      LOG.warn("canary {} is not ticked: {}", canary.qualifiedName(), message);
      events.event(canary, CanaryEvent.warning(event + message));
    }
    ResourceCondition current = condition(resource);
    if (current == null || !message.equals(current.message()) || !reason.equals(current.reason())) {
      String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
      writeConditions(resource, withCondition(resource,
          new ResourceCondition(CONDITION, "False", time, time, reason, message)));
    }
  }

  /** The Canary {@code resource} is valid: removes the condition if present and forgets what was reported. */
  public void valid(CanaryResource resource) {
    reported.remove(key(resource));
    if (condition(resource) != null) {
      writeConditions(resource, withCondition(resource, null));
    }
  }

  /** Forgets a deleted Canary. */
  public void forget(String namespace, String name) {
    reported.remove(namespace + "/" + name);
  }

  private static ResourceCondition condition(CanaryResource r) {
    return conditions(r).stream().filter(c -> CONDITION.equals(c.type())).findFirst().orElse(null);
  }

  private static List<ResourceCondition> conditions(CanaryResource r) {
    return r.getStatus() == null || r.getStatus().conditions() == null ? List.of() : r.getStatus().conditions();
  }

  /** The Canary's conditions with {@code ours} in place of any earlier {@value #CONDITION} ({@code null}: none). */
  private static List<ResourceCondition> withCondition(CanaryResource r, ResourceCondition ours) {
    List<ResourceCondition> out = new ArrayList<>();
    conditions(r).stream().filter(c -> !CONDITION.equals(c.type())).forEach(out::add);
    if (ours != null) {
      out.add(ours);
    }
    return out;
  }

  /** A JSON Patch of the status subresource, guarded by the version read, setting the conditions. */
  private void writeConditions(CanaryResource r, List<ResourceCondition> conditions) {
    ArrayNode ops = JSON.arrayNode();
    ops.add(JSON.objectNode().put("op", "replace").put("path", "/metadata/resourceVersion")
        .put("value", r.getMetadata().getResourceVersion()));
    JsonNode value = client.getKubernetesSerialization().convertValue(conditions, JsonNode.class);
    if (r.getStatus() == null) {
      ops.add(JSON.objectNode().put("op", "add").put("path", "/status")
          .set("value", JSON.objectNode().set("conditions", value)));
    } else {
      ops.add(JSON.objectNode().put("op", "add").put("path", "/status/conditions").set("value", value));
    }
    CanaryResource stub = new CanaryResource();
    stub.setMetadata(new ObjectMetaBuilder().withName(r.getMetadata().getName())
        .withNamespace(r.getMetadata().getNamespace()).build());
    try {
      client.resources(CanaryResource.class).inNamespace(stub.getMetadata().getNamespace()).resource(stub)
          .subresource("status").patch(PatchContext.of(PatchType.JSON), ops.toString());
    } catch (RuntimeException e) {
      LOG.warn("condition {} of canary {}/{} not written (retried on the next tick): {}", CONDITION,
          r.getMetadata().getNamespace(), r.getMetadata().getName(), e.getMessage());
    }
  }

  private static String key(CanaryResource r) {
    return r.getMetadata().getNamespace() + "/" + r.getMetadata().getName();
  }
}
