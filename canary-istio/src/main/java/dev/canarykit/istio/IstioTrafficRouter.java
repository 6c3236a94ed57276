package dev.canarykit.istio;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.TrafficRouter;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Supplier;

/**
 * The {@link TrafficRouter} for Istio: the VirtualService {@code <svc>} and the DestinationRules
 * {@code <svc>-primary} and {@code <svc>-canary}, written through {@code networking.istio.io/v1} as Flagger
 * writes them (docs/flagger-compatibility.md §4.2, §4.3, §1.17, §3.7).
 *
 * <p>Every write carries the resourceVersion it was decided on; when the object changed in between, the write
 * is rejected and decided again from a fresh read. New weights are written only while the live ones are still
 * those the tick decided from ({@link Command.SetRoutes#from}). Nothing is written when nothing changed. Failures are
 * returned as {@link Outcome.Failed}, never thrown.
 *
 * <pre>{@code
 * TrafficRouter router = new IstioTrafficRouter(client);
 * router.reconcile(canary);                                      // 100/0 on create
 * router.setRoutes(canary, new Command.SetRoutes(90, 10, false, null));
 * router.readRoutes(canary);                                     // Routes[90, 10, false]
 * }</pre>
 *
 * <p>The client is the caller's: the router never closes it.
 */
public final class IstioTrafficRouter implements TrafficRouter {
  private final DestinationRules destinationRules;
  private final VirtualServices virtualServices;
  private final Revert revert;

  /**
   * A router that sets the {@code flagger.app/v1beta1} Canary, when it exists, as owner of what it creates; while
   * the Canary cannot be read, creating fails ({@link CanaryOwners#lookup}).
   */
  public IstioTrafficRouter(KubernetesClient client) {
    this(client, CanaryOwners.lookup(client));
  }

  /** A router with the given owner policy (for example {@link CanaryOwners#none()}). */
  public IstioTrafficRouter(KubernetesClient client, CanaryOwners owners) {
    this(new IstioObjects(client), owners);
  }

  /**
   * A router that decides from {@code informers} (started and closed by the caller) and reads the API server only
   * after a write was rejected as stale: an idle tick then sends no request, and an advancing tick sends its write
   * alone, or after one conflict one fresh read and the write again.
   */
  public IstioTrafficRouter(KubernetesClient client, CanaryOwners owners, IstioInformers informers) {
    this(new IstioObjects(client, java.util.Objects.requireNonNull(informers, "informers == null")), owners);
  }

  IstioTrafficRouter(IstioObjects objects, CanaryOwners owners) {
    this.destinationRules = new DestinationRules(objects, owners);
    this.virtualServices = new VirtualServices(objects, owners);
    this.revert = new Revert(objects, virtualServices);
  }

  /** Reconciles {@code <svc>-canary}, {@code <svc>-primary}, then {@code <svc>}; stops at the first failure. */
  @Override
  public Outcome.OkResult reconcile(Canary canary) {
    ServiceNames names = ServiceNames.of(canary);
    return guarded(canary, () -> {
      Outcome.OkResult canaryRule = destinationRules.reconcile(canary, names.canary());
      if (!Outcome.OK.equals(canaryRule)) {
        return canaryRule;
      }
      Outcome.OkResult primaryRule = destinationRules.reconcile(canary, names.primary());
      return Outcome.OK.equals(primaryRule) ? virtualServices.reconcile(canary) : primaryRule;
    });
  }

  @Override
  public Outcome.RoutesResult readRoutes(Canary canary) {
    try {
      return virtualServices.read(canary);
    } catch (KubernetesClientException | IllegalArgumentException e) {
      return failure(canary, e);
    }
  }

  @Override
  public Outcome.OkResult setRoutes(Canary canary, Command.SetRoutes routes) {
    return guarded(canary, () -> virtualServices.set(canary, routes));
  }

  @Override
  public Outcome.OkResult revert(Canary canary) {
    return guarded(canary, () -> revert.run(canary));
  }

  private static Outcome.OkResult guarded(Canary canary, Supplier<Outcome.OkResult> call) {
    try {
      return call.get();
    } catch (KubernetesClientException | IllegalArgumentException e) {
      return failure(canary, e);
    }
  }

  private static Outcome.Failed failure(Canary canary, RuntimeException e) {
    return new Outcome.Failed(VirtualServices.what(canary) + ": " + e.getMessage());
  }
}
