package dev.canarykit.examples.cli;

/** Test helper: Canary, MetricTemplate and Secret documents for {@code check}, as podinfo in namespace test. */
final class CheckYaml {
  private CheckYaml() {}

  /**
   * The podinfo Canary (namespace {@code test}) whose {@code metricsServer} is unreachable, so only
   * {@code --prometheus} can answer, with {@code metrics} as YAML list items indented by six spaces.
   */
  static String canary(String name, String metrics) {
    return """
        apiVersion: flagger.app/v1beta1
        kind: Canary
        metadata: {name: %s, namespace: test}
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: %s}
          service: {port: 9898}
          metricsServer: http://127.0.0.1:1
          analysis:
            interval: 1m
            threshold: 5
            stepWeight: 10
            metrics:
        %s""".formatted(name, name, metrics.indent(6));
  }

  static String podinfo(String metrics) {
    return canary("podinfo", metrics);
  }

  /** A MetricTemplate in namespace test whose provider address is unreachable; {@code extra} adds provider keys. */
  static String template(String name, String query, String extra) {
    return """
        ---
        apiVersion: flagger.app/v1beta1
        kind: MetricTemplate
        metadata: {name: %s, namespace: test}
        spec:
          provider: {type: prometheus, address: "http://127.0.0.1:1"%s}
          query: |
        %s""".formatted(name, extra, query.indent(4));
  }

  /** A Secret in namespace test with {@code stringData}. */
  static String secret(String name, String key, String value) {
    return "---\napiVersion: v1\nkind: Secret\nmetadata: {name: " + name + ", namespace: test}\nstringData: {"
        + key + ": " + value + "}\n";
  }
}
