package dev.canarykit.core.testing;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Command.SessionCookies;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.TrafficRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One route in memory. There is no route until {@link #reconcile} creates it at 100/0 without mirror;
 * reconciling again keeps the weights. A {@link Command.SetRoutes} decided from other routes than the live ones
 * fails. Every successful {@link Command.SetRoutes} is recorded, and the next calls can be made to fail.
 */
public final class InMemoryTrafficRouter implements TrafficRouter {
  private final List<Command.SetRoutes> history = new ArrayList<>();
  private final Failures failures = new Failures();
  private Outcome.Routes routes;
  private SessionCookies cookies;
  private int reconciles;
  private int reverts;

  /** Makes the next {@code n} calls (of any method) fail with {@value Failures#DEFAULT_MESSAGE}. */
  public synchronized void failNext(int n) {
    failNext(n, Failures.DEFAULT_MESSAGE);
  }

  /** Makes the next {@code n} calls (of any method) fail with {@code message}. */
  public synchronized void failNext(int n, String message) {
    failures.failNext(n, message);
  }

  /** Sets the live routes directly, as someone editing the route by hand would. */
  public synchronized void setRoutes(int primaryWeight, int canaryWeight, boolean mirrored) {
    routes = new Outcome.Routes(primaryWeight, canaryWeight, mirrored);
  }

  /** The live routes, empty before the first reconcile. */
  public synchronized Optional<Outcome.Routes> routes() {
    return Optional.ofNullable(routes);
  }

  /** The canary weight, 0 without a route. */
  public synchronized int canaryWeight() {
    return routes == null ? 0 : routes.canaryWeight();
  }

  /** The cookies of the last successful set, or {@code null}. */
  public synchronized SessionCookies cookies() {
    return cookies;
  }

  /** Every successful {@link Command.SetRoutes}, in order. */
  public synchronized List<Command.SetRoutes> history() {
    return List.copyOf(history);
  }

  /** How many reconciles succeeded. */
  public synchronized int reconciles() {
    return reconciles;
  }

  /** How many reverts succeeded. */
  public synchronized int reverts() {
    return reverts;
  }

  @Override
  public synchronized Outcome.OkResult reconcile(Canary canary) {
    Optional<String> failure = failures.take();
    if (failure.isPresent()) {
      return new Outcome.Failed(failure.get());
    }
    if (routes == null) {
      routes = new Outcome.Routes(100, 0, false);
    }
    reconciles++;
    return Outcome.OK;
  }

  @Override
  public synchronized Outcome.RoutesResult readRoutes(Canary canary) {
    Optional<String> failure = failures.take();
    if (failure.isPresent()) {
      return new Outcome.Failed(failure.get());
    }
    return routes != null ? routes : notFound(canary);
  }

  @Override
  public synchronized Outcome.OkResult setRoutes(Canary canary, Command.SetRoutes set) {
    Optional<String> failure = failures.take();
    if (failure.isPresent()) {
      return new Outcome.Failed(failure.get());
    }
    if (routes == null) {
      return notFound(canary);
    }
    if (!set.decidedOn(routes)) {
      return new Outcome.Failed("routes of " + canary.spec().serviceName() + "." + canary.namespace()
          + " changed since they were read (" + set.staleOver(routes) + "); not set");
    }
    routes = set.routes();
    cookies = set.cookies();
    history.add(set);
    return Outcome.OK;
  }

  @Override
  public synchronized Outcome.OkResult revert(Canary canary) {
    Optional<String> failure = failures.take();
    if (failure.isPresent()) {
      return new Outcome.Failed(failure.get());
    }
    routes = null;
    cookies = null;
    reverts++;
    return Outcome.OK;
  }

  private static Outcome.Failed notFound(Canary canary) {
    return new Outcome.Failed("VirtualService " + canary.spec().serviceName() + "." + canary.namespace()
        + " not found");
  }
}
