package dev.canarykit.core.testing;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.analysis.Outcome.MetricResult;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.port.MetricSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Function;

/**
 * Metric answers scripted per metric name. A query takes the next queued result if any, else asks the metric's
 * function (set by {@link #fix} or {@link #answer}), else reports {@link #NO_DATA}. The provider probe answers ok
 * unless told otherwise.
 */
public final class ScriptedMetricSource implements MetricSource {
  /** The answer for a metric with no script: Flagger's words for an empty result. */
  public static final Outcome.NoData NO_DATA = new Outcome.NoData("no values found");

  private final Map<String, Queue<MetricResult>> queues = new HashMap<>();
  private final Map<String, Function<MetricSpec, MetricResult>> functions = new HashMap<>();
  private final List<String> queries = new ArrayList<>();
  private Outcome.OkResult probe = Outcome.OK;
  private Function<java.time.Duration, Outcome.CountsResult> counts = w -> new Outcome.Failed("no counts scripted");

  /** Answers {@code value} for {@code metric} from now on. */
  public synchronized ScriptedMetricSource fix(String metric, double value) {
    return answer(metric, m -> new Outcome.MetricValue(value));
  }

  /** Answers {@code result} for {@code metric} from now on. */
  public synchronized ScriptedMetricSource fix(String metric, MetricResult result) {
    return answer(metric, m -> result);
  }

  /** Answers {@code metric} with {@code function} (called once per query) from now on. */
  public synchronized ScriptedMetricSource answer(String metric, Function<MetricSpec, MetricResult> function) {
    functions.put(metric, function);
    return this;
  }

  /** Queues results for {@code metric}, answered one per query before its fixed answer. */
  public synchronized ScriptedMetricSource queue(String metric, MetricResult... results) {
    queues.computeIfAbsent(metric, m -> new ArrayDeque<>()).addAll(List.of(results));
    return this;
  }

  /** Queues values for {@code metric}, answered one per query before its fixed answer. */
  public synchronized ScriptedMetricSource queue(String metric, double... values) {
    for (double v : values) {
      queue(metric, new Outcome.MetricValue(v));
    }
    return this;
  }

  /** Sets what {@link #probe} answers: {@link Outcome#OK} (the default) or a failure. */
  public synchronized ScriptedMetricSource probeAnswers(Outcome.OkResult outcome) {
    probe = outcome;
    return this;
  }

  /** Sets how {@link #counts} answers the judge's count queries (a failure until set). */
  public synchronized ScriptedMetricSource countsAnswer(Function<java.time.Duration, Outcome.CountsResult> answer) {
    counts = answer;
    return this;
  }

  @Override
  public synchronized Outcome.CountsResult counts(Canary canary, java.time.Duration window) {
    return counts.apply(window);
  }

  /** The names of the metrics queried so far, in order. */
  public synchronized List<String> queries() {
    return List.copyOf(queries);
  }

  /** How many times {@code metric} was queried. */
  public synchronized int count(String metric) {
    return (int) queries.stream().filter(metric::equals).count();
  }

  @Override
  public synchronized MetricResult query(Canary canary, MetricSpec metric) {
    queries.add(metric.name());
    MetricResult queued = queues.getOrDefault(metric.name(), new ArrayDeque<>()).poll();
    if (queued != null) {
      return queued;
    }
    Function<MetricSpec, MetricResult> f = functions.get(metric.name());
    return f != null ? f.apply(metric) : NO_DATA;
  }

  @Override
  public synchronized Outcome.OkResult probe(Canary canary) {
    return probe;
  }
}
