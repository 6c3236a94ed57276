package dev.canarykit.istio;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.networking.v1.VirtualServiceBuilder;
import java.util.List;
import java.util.Map;

/** Creating, updating and reading the VirtualService {@code <svc>} of one Canary (§4.2). */
final class VirtualServices {
  private static final Class<io.fabric8.istio.api.api.networking.v1alpha3.VirtualService> SPEC =
      io.fabric8.istio.api.api.networking.v1alpha3.VirtualService.class;

  private final IstioObjects objects;
  private final CanaryOwners owners;

  VirtualServices(IstioObjects objects, CanaryOwners owners) {
    this.objects = objects;
    this.owners = owners;
  }

  /** Creates the VirtualService at 100/0, or brings it up to date keeping its weights, mirror and cookies. */
  Outcome.OkResult reconcile(Canary canary) {
    return VirtualServiceSpecs.problem(canary).<Outcome.OkResult>map(Outcome.Failed::new)
        .orElseGet(() -> writer(canary).run("reconcile", live -> reconciled(canary, live)));
  }

  /**
   * Rewrites the routes as {@code set} asks, on every attempt only while the live routes are still those the
   * decision was made from ({@link Command.SetRoutes#from}): a retry after a conflict re-reads the object, so a
   * tick that decided on older weights can never write them over newer ones. No write when they already are so.
   */
  Outcome.OkResult set(Canary canary, Command.SetRoutes set) {
    RouteState state = RouteState.of(set);
    var problem = VirtualServiceSpecs.problem(canary);
    if (problem.isPresent()) {
      return new Outcome.Failed(problem.get());
    }
    return writer(canary).run("update", live -> {
      if (live == null) {
        return Change.fail(notFound(canary));
      }
      String stale = staleDecision(canary, live, set);
      return stale != null ? Change.fail(stale)
          : withSpec(canary, live, objects.canonical(VirtualServiceSpecs.render(canary, state), SPEC));
    });
  }

  /** Why {@code set} must not be written over {@code live}, or {@code null} when it may. */
  private String staleDecision(Canary canary, VirtualService live, Command.SetRoutes set) {
    if (set.from() == null) {
      return null;
    }
    LiveRoutes.Read read = new LiveRoutes(canary).read(objects.tree(live.getSpec()));
    if (read.state() == null) {
      return read.problem();
    }
    return set.decidedOn(read.state().routes()) ? null
        : what(canary) + " changed since its routes were read (" + set.staleOver(read.state().routes())
            + "); not updated";
  }

  /** The live weights and mirror, or why they cannot be read. */
  Outcome.RoutesResult read(Canary canary) {
    VirtualService live = objects.cachedVirtualService(canary.namespace(), canary.spec().serviceName());
    if (live == null) {
      return new Outcome.Failed(notFound(canary));
    }
    LiveRoutes.Read read = new LiveRoutes(canary).read(objects.tree(live.getSpec()));
    return read.state() != null ? read.state().routes() : new Outcome.Failed(read.problem());
  }

  /** Runs read-modify-write cycles on this Canary's VirtualService. */
  ReadModifyWrite<VirtualService> writer(Canary canary) {
    String name = canary.spec().serviceName();
    return new ReadModifyWrite<>(what(canary), () -> objects.cachedVirtualService(canary.namespace(), name),
        () -> objects.virtualService(canary.namespace(), name), objects::create, objects::update);
  }

  /** The live object with {@code spec}, or no change when it already has it; refuses routes Istio rejects. */
  Change<VirtualService> withSpec(Canary canary, VirtualService live, Map<String, Object> spec) {
    if (spec.equals(objects.tree(live.getSpec()))) {
      return Change.none();
    }
    List<String> problems = RouteChecks.problems(spec, canary.spec().service().delegation());
    if (!problems.isEmpty()) {
      return Change.fail("refusing to write " + what(canary) + ": " + String.join("; ", problems));
    }
    live.setSpec(objects.typed(spec, SPEC));
    return Change.update(live);
  }

  private Change<VirtualService> reconciled(Canary canary, VirtualService live) {
    if (live == null) {
      return created(canary);
    }
    Map<String, Object> liveSpec = objects.tree(live.getSpec());
    LiveRoutes.Read read = new LiveRoutes(canary).read(liveSpec);
    RouteState state = read.state() != null ? read.state() : RouteState.INITIAL;
    Map<String, Object> spec = objects.canonical(VirtualServiceSpecs.render(canary, state), SPEC);
    Map<String, String> labels = VirtualServiceMetadata.labels(canary);
    Map<String, String> annotations = VirtualServiceMetadata.annotations(canary, live);
    boolean specChanged = !spec.equals(liveSpec);
    if (specChanged && !annotations.containsKey(VirtualServiceMetadata.KUBECTL)) {
      annotations.putIfAbsent(VirtualServiceMetadata.ORIGINAL, objects.json(liveSpec));
    }
    boolean metadataChanged = !VirtualServiceMetadata.same(labels, live.getMetadata().getLabels())
        || !VirtualServiceMetadata.same(annotations, live.getMetadata().getAnnotations());
    if (!specChanged && !metadataChanged) {
      return Change.none();
    }
    live.getMetadata().setLabels(labels);
    live.getMetadata().setAnnotations(annotations);
    Change<VirtualService> change = withSpec(canary, live, spec);
    return change.failure() != null ? change : Change.update(live);
  }

  private Change<VirtualService> created(Canary canary) {
    Map<String, Object> spec = objects.canonical(VirtualServiceSpecs.render(canary, RouteState.INITIAL), SPEC);
    List<String> problems = RouteChecks.problems(spec, canary.spec().service().delegation());
    if (!problems.isEmpty()) {
      return Change.fail("refusing to write " + what(canary) + ": " + String.join("; ", problems));
    }
    return Change.create(new VirtualServiceBuilder().withNewMetadata().withName(canary.spec().serviceName())
        .withNamespace(canary.namespace()).withLabels(VirtualServiceMetadata.labels(canary))
        .withAnnotations(VirtualServiceMetadata.annotations(canary, null))
        .withOwnerReferences(owners.ownerOf(canary).stream().toList()).endMetadata()
        .withSpec(objects.typed(spec, SPEC)).build());
  }

  static String what(Canary canary) {
    return "VirtualService " + canary.spec().serviceName() + "." + canary.namespace();
  }

  private static String notFound(Canary canary) {
    return what(canary) + " not found";
  }
}
