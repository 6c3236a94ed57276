package dev.canarykit.core.driver;

import dev.canarykit.core.judge.Judgement;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.Phase;
import java.time.Duration;

/**
 * An in-process observer of the ticks a {@link CanaryDriver} runs: controller metrics, tracing, test probes.
 * Every method does nothing by default; implement the ones you need.
 *
 * <pre>{@code
 * CanaryDriver driver = CanaryDriver.builder()...listener(new CanaryListener() {
 *   public void phaseChanged(Canary canary, Phase from, Phase to) { log.info("{}: {} -> {}", canary, from, to); }
 * }).build();
 * }</pre>
 *
 * <p>The driver calls a listener on the ticking thread after the tick is over (its status written or not), in
 * this order: {@link #weightsObserved}, {@link #metricAnalysed} for each metric value, {@link #judged},
 * {@link #phaseChanged}, then {@link #tickCompleted}. Keep it quick. A listener that throws is ignored: it never
 * fails or changes a tick. The derived callbacks are computed from the {@link TickReport}, so a listener sees
 * exactly what the report records.
 *
 * @since 0.1.0
 */
public interface CanaryListener {

  /** A listener that does nothing. */
  CanaryListener NOOP = new CanaryListener() {};

  /**
   * A tick is over.
   *
   * @param report everything the tick did
   * @param elapsed the time the tick took on the driver's clock (zero on a clock that does not move)
   */
  default void tickCompleted(TickReport report, Duration elapsed) {}

  /**
   * The tick wrote a status with another phase. Not called when the status was not written (a conflict or a
   * failed write), since the phase did not change in the store.
   */
  default void phaseChanged(Canary canary, Phase from, Phase to) {}

  /**
   * The route weights as the tick left them: the last weights it set successfully, else the weights it read.
   * Called once for every tick that read or set the routes, whether or not they changed, so that a gauge stays
   * current (Flagger sets its weight gauge on every tick).
   *
   * @param primaryWeight the primary's weight, 0-100
   * @param canaryWeight the canary's weight, 0-100
   */
  default void weightsObserved(Canary canary, int primaryWeight, int canaryWeight) {}

  /**
   * A metric query returned a value (no data and errors are not reported here; the events name them).
   *
   * @param metric the metric as the analysis declares it
   * @param value the value as queried (built-in request duration in milliseconds)
   */
  default void metricAnalysed(Canary canary, MetricSpec metric, double value) {}

  /**
   * The statistical judge decided on one more interval ({@code spec.judge} set).
   *
   * @param judgement the verdict, the action taken and the evidence
   */
  default void judged(Canary canary, Judgement judgement) {}

  /**
   * How many canaries a controller drives in {@code namespace} (Flagger's {@code flagger_canary_total}); called by
   * controllers when the set of canaries changes.
   */
  default void canariesCounted(String namespace, long count) {}
}
