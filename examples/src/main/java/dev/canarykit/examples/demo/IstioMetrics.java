package dev.canarykit.examples.demo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Istio's standard metrics as the destination sidecars report them: {@code istio_requests_total} and the
 * {@code istio_request_duration_milliseconds} histogram with Envoy's default buckets, labelled {@code reporter},
 * {@code source_workload}, {@code source_workload_namespace}, {@code destination_workload},
 * {@code destination_workload_namespace} and {@code response_code}; rendered in Prometheus' text format.
 */
final class IstioMetrics {
  /** Istio's default request-duration bucket bounds, in milliseconds. */
  static final double[] BUCKETS = {0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000,
      300000, 600000, 1800000, 3600000};

  private final Map<String, Series> series = new ConcurrentSkipListMap<>();

  /** Records one request that {@code from} sent and {@code workload} in {@code namespace} served. */
  public void record(Mesh.Caller from, String workload, String namespace, int code, double millis) {
    String labels = "reporter=\"destination\",source_workload=\"" + from.workload()
        + "\",source_workload_namespace=\"" + from.namespace() + "\",destination_workload=\"" + workload
        + "\",destination_workload_namespace=\"" + namespace + "\",response_code=\"" + code + "\"";
    series.computeIfAbsent(labels, k -> new Series()).add(millis);
  }

  /** Requests recorded so far per {@code workload/code}, for the summary. */
  public Map<String, Long> totals() {
    Map<String, Long> out = new ConcurrentHashMap<>();
    series.forEach((labels, s) -> out.merge(label(labels, "destination_workload") + "/"
        + label(labels, "response_code"), s.count.sum(), Long::sum));
    return out;
  }

  private static String label(String labels, String name) {
    int i = labels.indexOf(name + "=\"") + name.length() + 2;
    return labels.substring(i, labels.indexOf('"', i));
  }

  /** The exposition text. */
  public String render() {
    StringBuilder out = new StringBuilder("# TYPE istio_requests_total counter\n");
    series.forEach((labels, s) -> out.append("istio_requests_total{").append(labels).append("} ")
        .append(s.count.sum()).append('\n'));
    out.append("# TYPE istio_request_duration_milliseconds histogram\n");
    series.forEach((labels, s) -> s.render(labels, out));
    return out.toString();
  }

  private static final class Series {
    private final LongAdder count = new LongAdder();
    private final DoubleAdder sum = new DoubleAdder();
    private final LongAdder[] buckets = new LongAdder[BUCKETS.length];

    Series() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    void add(double millis) {
      for (int i = 0; i < BUCKETS.length; i++) {
        if (millis <= BUCKETS[i]) {
          buckets[i].increment();
        }
      }
      sum.add(millis);
      count.increment();
    }

    void render(String labels, StringBuilder out) {
      String name = "istio_request_duration_milliseconds";
      long total = count.sum();
      for (int i = 0; i < BUCKETS.length; i++) {
        out.append(name).append("_bucket{").append(labels).append(",le=\"").append(bound(BUCKETS[i]))
            .append("\"} ").append(Math.min(buckets[i].sum(), total)).append('\n');
      }
      out.append(name).append("_bucket{").append(labels).append(",le=\"+Inf\"} ").append(total).append('\n');
      out.append(name).append("_sum{").append(labels).append("} ").append(sum.sum()).append('\n');
      out.append(name).append("_count{").append(labels).append("} ").append(total).append('\n');
    }

    private static String bound(double b) {
      return b == Math.rint(b) ? String.valueOf((long) b) : String.valueOf(b);
    }
  }
}
