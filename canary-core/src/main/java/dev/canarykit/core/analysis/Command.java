package dev.canarykit.core.analysis;

import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.model.WebhookSpec;

/**
 * Something the machine asks the outside world to do or to find out. The driver executes each command through
 * a port and feeds exactly one {@link Outcome} per command back into the next step, in order.
 *
 * <p>Commands carry only what the machine decided; adapters read everything else (ports, labels, Istio blocks)
 * from the Canary they were given.
 */
public sealed interface Command {

  /** Reads the target: its pod-template hash and tracked configs. Answer: {@link Outcome.Revision}. */
  record ObserveTarget() implements Command {}

  /** Creates or updates the {@code <svc>-primary} and {@code <svc>-canary} ClusterIP services. */
  record ReconcileServices() implements Command {}

  /** Checks that every metric provider answers (Initializing only). Answer: ok or failed. */
  record ProbeMetricProviders() implements Command {}

  /** Creates {@code <target>-primary} (and its config copies) when missing. */
  record EnsurePrimary() implements Command {}

  /** Checks a workload's readiness. Answer: {@link Outcome.Readiness}. */
  record CheckReadiness(Workload workload) implements Command {}

  /**
   * Creates the primary autoscaler when missing; updates it only when {@code allowUpdate} (promotion).
   *
   * @param allowUpdate whether an existing primary autoscaler may be changed
   */
  record ReconcileAutoscaler(boolean allowUpdate) implements Command {}

  /** Points the apex service at the primary pods. */
  record ReconcileApexService() implements Command {}

  /** Scales the target (canary) to zero. */
  record ScaleToZero() implements Command {}

  /** Scales the target up from zero (docs/flagger-compatibility.md §3.4). */
  record ScaleFromZero() implements Command {}

  /** Creates or updates the mesh routing, preserving weights and mirror. */
  record ReconcileRouting() implements Command {}

  /** Reads the live weights and mirror flag. Answer: {@link Outcome.Routes}. */
  record ReadRoutes() implements Command {}

  /**
   * Sets the route weights, if the live routes are still those the decision was made from.
   *
   * @param primaryWeight 0-100
   * @param canaryWeight 0-100, {@code primaryWeight + canaryWeight == 100}
   * @param mirrored whether traffic is mirrored to the canary
   * @param cookies session-affinity cookies to route on, or {@code null} without session affinity
   * @param from the live weights and mirror this decision was made from (read earlier in the tick, or set by the
   *     tick's previous {@code SetRoutes}): a router writes only while they are still live, and otherwise fails
   *     (someone else moved the routes since, so the decision is stale); {@code null} when the tick did not read
   *     the routes (a rollback before reading them), and then the router writes unconditionally
   */
  record SetRoutes(int primaryWeight, int canaryWeight, boolean mirrored, SessionCookies cookies, Outcome.Routes from)
      implements Command {
    public SetRoutes {
      if (primaryWeight < 0 || canaryWeight < 0 || primaryWeight + canaryWeight != 100) {
        throw new IllegalArgumentException(
            "weights must be >= 0 and sum to 100, but were " + primaryWeight + "/" + canaryWeight);
      }
    }

    /** Routes set whatever the live routes are. */
    public SetRoutes(int primaryWeight, int canaryWeight, boolean mirrored, SessionCookies cookies) {
      this(primaryWeight, canaryWeight, mirrored, cookies, null);
    }

    /** The routes this command sets, as a router reads them back. */
    public Outcome.Routes routes() {
      return new Outcome.Routes(primaryWeight, canaryWeight, mirrored);
    }

    /** Whether {@code live} are the routes this decision was made from (always, when it names none). */
    public boolean decidedOn(Outcome.Routes live) {
      return from == null || from.equals(live);
    }

    /** Why this command must not be written over {@code live}: {@code "decided on 80/20, now 60/40"}. */
    public String staleOver(Outcome.Routes live) {
      return "decided on " + text(from) + ", now " + text(live);
    }

    private static String text(Outcome.Routes r) {
      return r.primaryWeight() + "/" + r.canaryWeight() + (r.mirrored() ? " mirrored" : "");
    }
  }

  /** Copies the target's template spec (and configs) to the primary. */
  record Promote() implements Command {}

  /**
   * Calls a webhook. Answer: ok (status 200-202) or failed with the error.
   *
   * @param hook the hook
   * @param phase the phase sent in the payload
   * @param checksum the revision checksum sent in the payload
   */
  record CallWebhook(WebhookSpec hook, Phase phase, String checksum) implements Command {}

  /** Runs a metric query. Answer: {@link Outcome.MetricResult}. */
  record QueryMetric(MetricSpec metric) implements Command {}

  /**
   * Reads what the primary and the canary served over the last {@code window} (requests, 5xx failures, latency
   * buckets) for the statistical judge. Answer: {@link Outcome.Counts}.
   *
   * @param window the interval to count, ending now; consecutive queries tile time
   */
  record QueryCounts(java.time.Duration window) implements Command {}

  /** Which deployment a readiness check is about. */
  enum Workload {
    /** {@code <target>-primary}. */
    PRIMARY,
    /** The target itself. */
    CANARY
  }
}
