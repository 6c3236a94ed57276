package dev.canarykit.prometheus;

import dev.canarykit.core.analysis.Outcome;
import java.util.Objects;
import java.util.Optional;

/**
 * A metric's query, rendered and bound to the Prometheus that answers it, or why that failed. The {@code check}
 * command prints {@link #query()} (or {@code -}) and runs a ready plan with
 * {@link PrometheusMetricSource#execute(QueryPlan.Ready)}.
 */
public sealed interface QueryPlan {

  /** The rendered, whitespace-collapsed query, when rendering succeeded. */
  Optional<String> query();

  /**
   * A query ready to send.
   *
   * @param endpoint the Prometheus to ask
   * @param promql the rendered, whitespace-collapsed query
   */
  record Ready(Endpoint endpoint, String promql) implements QueryPlan {
    public Ready {
      Objects.requireNonNull(endpoint, "endpoint == null");
      Objects.requireNonNull(promql, "promql == null");
    }

    @Override
    public Optional<String> query() {
      return Optional.of(promql);
    }
  }

  /**
   * The metric cannot be queried.
   *
   * @param reason what failed
   * @param error the outcome the analysis gets (a failed check)
   */
  record Failed(Reason reason, Outcome.MetricError error) implements QueryPlan {
    public Failed {
      Objects.requireNonNull(reason, "reason == null");
      Objects.requireNonNull(error, "error == null");
    }

    @Override
    public Optional<String> query() {
      return Optional.empty();
    }
  }

  /** Why a plan failed. */
  enum Reason {
    /** The {@code templateRef} names no known MetricTemplate. */
    TEMPLATE_NOT_FOUND,
    /** The provider's secret could not be read. */
    SECRET,
    /** The provider is unusable: unsupported type, bad address, or a secret without usable credentials. */
    PROVIDER,
    /** The query text is malformed or uses an unknown function or variable key. */
    RENDER,
    /** A value failed its safety check and was not substituted. */
    UNSAFE_VALUE,
    /** The metric is not built in and has neither a query nor a template. */
    UNUSABLE
  }
}
