package dev.canarykit.core.analysis;

import dev.canarykit.core.analysis.Outcome.CountsResult;
import dev.canarykit.core.analysis.Outcome.MetricResult;
import dev.canarykit.core.analysis.Outcome.OkResult;
import dev.canarykit.core.analysis.Outcome.ReadinessResult;
import dev.canarykit.core.analysis.Outcome.RevisionResult;
import dev.canarykit.core.analysis.Outcome.RoutesResult;
import dev.canarykit.core.analysis.Outcome.SlotResult;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.model.WebhookSpec;
import java.time.Duration;

/**
 * Something the machine asks the outside world to do or to find out. Each command gets exactly one
 * {@link Outcome}, fed back into the next step in order; {@code R} is the type that answers it (a union of the
 * command's own answers and {@link Outcome.Failed}). The machine rejects any other answer with an
 * {@link IllegalArgumentException} that names the command and the type it expects: an adapter bug is not a failed
 * check.
 *
 * <p>Answer commands with a {@link Handler}: it has one method per command, each returning the command's answer
 * type, so the compiler checks every answer, and a command added in a later version is a compile error in your
 * handler, never a silent default.
 *
 * <p>Commands carry only what the machine decided; adapters read everything else (ports, labels, Istio blocks)
 * from the Canary they were given.
 *
 * @param <R> the type of the outcome that answers this command
 */
public sealed interface Command<R extends Outcome> {

  /** The type that answers this command: one of {@link Outcome}'s result unions, which all admit a failure. */
  Class<R> answerType();

  /** This command's answer from {@code handler}. */
  R accept(Handler handler);

  /** Reads the target: its pod-template hash and tracked configs. Answer: {@link Outcome.Revision}. */
  record ObserveTarget() implements Command<RevisionResult> {
    @Override
    public Class<RevisionResult> answerType() {
      return RevisionResult.class;
    }

    @Override
    public RevisionResult accept(Handler handler) {
      return handler.observeTarget(this);
    }
  }

  /** Creates or updates the {@code <svc>-primary} and {@code <svc>-canary} ClusterIP services. */
  record ReconcileServices() implements Command<OkResult> {
    @Override
    public Class<OkResult> answerType() {
      return OkResult.class;
    }

    @Override
    public OkResult accept(Handler handler) {
      return handler.reconcileServices(this);
    }
  }

  /** Checks that every metric provider answers (Initializing only). Answer: ok or failed. */
  record ProbeMetricProviders() implements Command<OkResult> {
    @Override
    public Class<OkResult> answerType() {
      return OkResult.class;
    }

    @Override
    public OkResult accept(Handler handler) {
      return handler.probeMetricProviders(this);
    }
  }

  /** Creates {@code <target>-primary} (and its config copies) when missing. */
  record EnsurePrimary() implements Command<OkResult> {
    @Override
    public Class<OkResult> answerType() {
      return OkResult.class;
    }

    @Override
    public OkResult accept(Handler handler) {
      return handler.ensurePrimary(this);
    }
  }

  /** Checks a workload's readiness. Answer: {@link Outcome.Readiness}. */
  record CheckReadiness(Workload workload) implements Command<ReadinessResult> {
    @Override
    public Class<ReadinessResult> answerType() {
      return ReadinessResult.class;
    }

    @Override
    public ReadinessResult accept(Handler handler) {
      return handler.checkReadiness(this);
    }
  }

  /**
   * Creates the primary autoscaler when missing; updates it only when {@code allowUpdate} (promotion).
   *
   * @param allowUpdate whether an existing primary autoscaler may be changed
   */
  record ReconcileAutoscaler(boolean allowUpdate) implements Command<OkResult> {
    @Override
    public Class<OkResult> answerType() {
      return OkResult.class;
    }

    @Override
    public OkResult accept(Handler handler) {
      return handler.reconcileAutoscaler(this);
    }
  }

  /** Points the apex service at the primary pods. */
  record ReconcileApexService() implements Command<OkResult> {
    @Override
    public Class<OkResult> answerType() {
      return OkResult.class;
    }

    @Override
    public OkResult accept(Handler handler) {
      return handler.reconcileApexService(this);
    }
  }

  /** Scales the target (canary) to zero. */
  record ScaleToZero() implements Command<OkResult> {
    @Override
    public Class<OkResult> answerType() {
      return OkResult.class;
    }

    @Override
    public OkResult accept(Handler handler) {
      return handler.scaleToZero(this);
    }
  }

  /** Scales the target up from zero (docs/flagger-compatibility.md §3.4). */
  record ScaleFromZero() implements Command<OkResult> {
    @Override
    public Class<OkResult> answerType() {
      return OkResult.class;
    }

    @Override
    public OkResult accept(Handler handler) {
      return handler.scaleFromZero(this);
    }
  }

  /** Creates or updates the mesh routing, preserving weights and mirror. */
  record ReconcileRouting() implements Command<OkResult> {
    @Override
    public Class<OkResult> answerType() {
      return OkResult.class;
    }

    @Override
    public OkResult accept(Handler handler) {
      return handler.reconcileRouting(this);
    }
  }

  /** Reads the live weights and mirror flag. Answer: {@link Outcome.Routes}. */
  record ReadRoutes() implements Command<RoutesResult> {
    @Override
    public Class<RoutesResult> answerType() {
      return RoutesResult.class;
    }

    @Override
    public RoutesResult accept(Handler handler) {
      return handler.readRoutes(this);
    }
  }

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
      implements Command<OkResult> {
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

    @Override
    public Class<OkResult> answerType() {
      return OkResult.class;
    }

    @Override
    public OkResult accept(Handler handler) {
      return handler.setRoutes(this);
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
  record Promote() implements Command<OkResult> {
    @Override
    public Class<OkResult> answerType() {
      return OkResult.class;
    }

    @Override
    public OkResult accept(Handler handler) {
      return handler.promote(this);
    }
  }

  /**
   * Calls a webhook. Answer: ok (status 200-202) or failed with the error.
   *
   * @param hook the hook
   * @param phase the phase sent in the payload
   * @param checksum the revision checksum sent in the payload
   */
  record CallWebhook(WebhookSpec hook, Phase phase, String checksum) implements Command<OkResult> {
    @Override
    public Class<OkResult> answerType() {
      return OkResult.class;
    }

    @Override
    public OkResult accept(Handler handler) {
      return handler.callWebhook(this);
    }
  }

  /** Runs a metric query. Answer: {@link Outcome.MetricResult}. */
  record QueryMetric(MetricSpec metric) implements Command<MetricResult> {
    @Override
    public Class<MetricResult> answerType() {
      return MetricResult.class;
    }

    @Override
    public MetricResult accept(Handler handler) {
      return handler.queryMetric(this);
    }
  }

  /**
   * Reads what the primary and the canary served over the last {@code window} (requests, 5xx failures, latency
   * buckets) for the statistical judge. Answer: {@link Outcome.Counts}.
   *
   * @param window the interval to count, ending now; consecutive queries tile time
   */
  record QueryCounts(Duration window) implements Command<CountsResult> {
    @Override
    public Class<CountsResult> answerType() {
      return CountsResult.class;
    }

    @Override
    public CountsResult accept(Handler handler) {
      return handler.queryCounts(this);
    }
  }

  /** Which deployment a readiness check is about. */
  enum Workload {
    /** {@code <target>-primary}. */
    PRIMARY,
    /** The target itself. */
    CANARY
  }

  /**
   * Asks for one of the controller's limited analysis slots before a run starts (after the confirm-rollout gates
   * approved). Answer: {@link Outcome.Admitted}, or {@link Outcome.Queued} with the canary's place in the queue.
   * Without a limit every canary is admitted.
   */
  record AcquireAnalysisSlot() implements Command<SlotResult> {
    @Override
    public Class<SlotResult> answerType() {
      return SlotResult.class;
    }

    @Override
    public SlotResult accept(Handler handler) {
      return handler.acquireAnalysisSlot(this);
    }
  }

  /**
   * Answers commands: one method per command, each returning that command's answer type. A reconciler implements
   * it with its adapters and answers each command of a transition with {@code command.accept(handler)}. Return
   * {@link Outcome.Failed} for a failure rather than throwing.
   */
  interface Handler {
    RevisionResult observeTarget(ObserveTarget command);

    OkResult reconcileServices(ReconcileServices command);

    OkResult probeMetricProviders(ProbeMetricProviders command);

    OkResult ensurePrimary(EnsurePrimary command);

    ReadinessResult checkReadiness(CheckReadiness command);

    OkResult reconcileAutoscaler(ReconcileAutoscaler command);

    OkResult reconcileApexService(ReconcileApexService command);

    OkResult scaleToZero(ScaleToZero command);

    OkResult scaleFromZero(ScaleFromZero command);

    OkResult reconcileRouting(ReconcileRouting command);

    RoutesResult readRoutes(ReadRoutes command);

    OkResult setRoutes(SetRoutes command);

    OkResult promote(Promote command);

    OkResult callWebhook(CallWebhook command);

    MetricResult queryMetric(QueryMetric command);

    CountsResult queryCounts(QueryCounts command);

    SlotResult acquireAnalysisSlot(AcquireAnalysisSlot command);
  }

  /**
   * Session-affinity cookies for the router, as {@code name=value} strings (empty when absent).
   *
   * @param canary the current run's canary cookie
   * @param previous the previous run's canary cookie, to be deleted on clients
   * @param primary the primary cookie
   */
  record SessionCookies(String canary, String previous, String primary) {}
}
