package dev.canarykit.core.port;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;

/**
 * The mesh routing between the primary and the canary (docs/flagger-compatibility.md §4.2, §4.3).
 *
 * <p>Failures are reported as {@link Outcome.Failed}, never thrown.
 */
public interface TrafficRouter {

  /**
   * Creates or updates the routing objects. A new route sends everything to the primary (100/0, not mirrored);
   * an existing route keeps its weights and mirror.
   *
   * @return {@link Outcome#OK} or failed
   */
  Outcome.OkResult reconcile(Canary canary);

  /**
   * Reads the live weights and mirror flag.
   *
   * @return {@link Outcome.Routes}, or {@link Outcome.Failed} when there is no route yet or it cannot be read
   */
  Outcome.RoutesResult readRoutes(Canary canary);

  /**
   * Sets the weights, mirror and session-affinity cookies.
   *
   * @return {@link Outcome#OK} or failed
   */
  Outcome.OkResult setRoutes(Canary canary, Command.SetRoutes routes);

  /**
   * Restores the routing from before canarykit managed it, when a Canary with {@code revertOnDeletion} is
   * deleted (§3.7); leaves it alone when there is nothing to restore.
   *
   * @return {@link Outcome#OK} or failed
   */
  Outcome.OkResult revert(Canary canary);
}
