package dev.canarykit.prometheus;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A scrape target exposing Istio-named counters and histogram buckets (Istio's default buckets) for podinfo
 * (canary) and podinfo-primary in namespace {@code test}, growing linearly at known rates per second:
 *
 * <ul>
 *   <li>canary: 9.9 req/s with code 200 and 0.1 req/s with code 500 (success rate 99 %); durations 5 req/s up to
 *       25 ms, 8 up to 50, 9 up to 100, 10 up to 250 (P99 = 100 + 150 x 0.9 = 235 ms);
 *   <li>primary: 20 req/s, all 200 (success rate 100 %); all durations up to 10 ms (P99 = 5 + 5 x 0.99 = 9.95 ms).
 * </ul>
 *
 * <p>{@link #withTwins()} also serves two identical versions, twin (canary) and twin-primary: each 50 req/s, of
 * which 0.5 req/s with code 500, durations 25 req/s up to 50 ms, 40 up to 100, 45 up to 250, 50 up to 500; and
 * mixed (canary) and mixed-primary with their clients named: from {@code istio-system/istio-ingressgateway} mixed
 * gets 10 req/s (0.2 with code 500) and mixed-primary 40 req/s (0.2 with code 500), and from
 * {@code test/flagger-loadtester} mixed alone gets 30 req/s, all 200 and all up to 5 ms.
 */
public final class IstioExporter implements AutoCloseable {
  static final double[] BUCKETS = {0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000,
      300000, 600000, 1800000, 3600000};
  private final HttpServer server;
  private final long start = System.nanoTime();
  private final boolean twins;

  public IstioExporter() throws IOException {
    this(false);
  }

  /** An exporter that also serves the identical twin and twin-primary. */
  public static IstioExporter withTwins() throws IOException {
    return new IstioExporter(true);
  }

  private IstioExporter(boolean twins) throws IOException {
    this.twins = twins;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/metrics", ex -> {
      byte[] body = render().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  public String target() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private String render() {
    double t = (System.nanoTime() - start) / 1e9;
    StringBuilder b = new StringBuilder("# TYPE istio_requests_total counter\n");
    requests(b, "podinfo", "200", 9.9 * t);
    requests(b, "podinfo", "500", 0.1 * t);
    requests(b, "podinfo-primary", "200", 20 * t);
    b.append("# TYPE istio_request_duration_milliseconds histogram\n");
    for (double le : BUCKETS) {
      double canary = le < 25 ? 0 : le < 50 ? 5 : le < 100 ? 8 : le < 250 ? 9 : 10;
      bucket(b, "podinfo", fmt(le), canary * t);
      bucket(b, "podinfo-primary", fmt(le), le < 10 ? 0 : 20 * t);
    }
    bucket(b, "podinfo", "+Inf", 10 * t);
    bucket(b, "podinfo-primary", "+Inf", 20 * t);
    if (twins) {
      twin(b, "twin", t);
      twin(b, "twin-primary", t);
      mixed(b, t);
    }
    return b.toString();
  }

  private static void twin(StringBuilder b, String workload, double t) {
    requests(b, workload, "200", 49.5 * t);
    requests(b, workload, "500", 0.5 * t);
    for (double le : BUCKETS) {
      bucket(b, workload, fmt(le), (le < 50 ? 0 : le < 100 ? 25 : le < 250 ? 40 : le < 500 ? 45 : 50) * t);
    }
    bucket(b, workload, "+Inf", 50 * t);
  }

  private static final String GATEWAY = "source_workload_namespace=\"istio-system\",source_workload=\"istio-ingressgateway\",";
  private static final String TESTER = "source_workload_namespace=\"test\",source_workload=\"flagger-loadtester\",";

  private static void mixed(StringBuilder b, double t) {
    requests(b, GATEWAY, "mixed", "200", 9.8 * t);
    requests(b, GATEWAY, "mixed", "500", 0.2 * t);
    requests(b, GATEWAY, "mixed-primary", "200", 39.8 * t);
    requests(b, GATEWAY, "mixed-primary", "500", 0.2 * t);
    requests(b, TESTER, "mixed", "200", 30 * t);
    for (double le : BUCKETS) {
      bucket(b, GATEWAY, "mixed", fmt(le), (le < 50 ? 0 : le < 250 ? 5 : 10) * t);
      bucket(b, GATEWAY, "mixed-primary", fmt(le), (le < 50 ? 0 : le < 250 ? 20 : 40) * t);
      bucket(b, TESTER, "mixed", fmt(le), (le < 5 ? 0 : 30) * t);
    }
    bucket(b, GATEWAY, "mixed", "+Inf", 10 * t);
    bucket(b, GATEWAY, "mixed-primary", "+Inf", 40 * t);
    bucket(b, TESTER, "mixed", "+Inf", 30 * t);
  }

  private static void requests(StringBuilder b, String workload, String code, double v) {
    requests(b, "", workload, code, v);
  }

  private static void requests(StringBuilder b, String source, String workload, String code, double v) {
    b.append(String.format(Locale.ROOT, "istio_requests_total{reporter=\"destination\",%sdestination_workload_namespace="
        + "\"test\",destination_workload=\"%s\",response_code=\"%s\"} %.6f%n", source, workload, code, v));
  }

  private static void bucket(StringBuilder b, String workload, String le, double v) {
    bucket(b, "", workload, le, v);
  }

  private static void bucket(StringBuilder b, String source, String workload, String le, double v) {
    b.append(String.format(Locale.ROOT, "istio_request_duration_milliseconds_bucket{reporter=\"destination\",%s"
        + "destination_workload_namespace=\"test\",destination_workload=\"%s\",le=\"%s\"} %.6f%n", source, workload,
        le, v));
  }

  private static String fmt(double le) {
    return le == Math.rint(le) ? String.valueOf((long) le) : String.valueOf(le);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
