package dev.canarykit.core.internal;

import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.ServiceSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Flagger's schema of the Istio blocks a Canary passes through to Istio objects ({@link ServiceSpec#match()},
 * {@code rewrite}, {@code retries}, {@code headers}, {@code corsPolicy}, {@code trafficPolicy} and
 * {@link AnalysisSpec#match()}): the fields Flagger's CRD keeps, as the API server prunes every other one.
 *
 * <p>A Canary read from Kubernetes has already lost the other fields; one built in Java has not. Validation reports
 * them ({@code spec.service.match[0].bogus: is not a field of ...}) and the router writes only {@link #prune pruned}
 * blocks, so no field outside Flagger's schema reaches an Istio object whichever way the Canary was made.
 *
 * <pre>{@code
 * IstioBlocks.unknownFields(IstioBlocks.Block.SERVICE_MATCH, service.match()); // [[0].bogusMatch]
 * }</pre>
 */
public final class IstioBlocks {
  /** One Istio block of a Canary, with the Istio type it stands for and its path in the Canary. */
  public enum Block {
    /** {@code spec.service.match}: a list of Istio HTTPMatchRequests. */
    SERVICE_MATCH("spec.service.match", "HTTPMatchRequest", Schema.list(Schema.MATCH)),
    /** {@code spec.service.rewrite}: Istio's HTTPRewrite (plus Flagger's Gateway API {@code type}). */
    REWRITE("spec.service.rewrite", "HTTPRewrite", Schema.object("uri", Schema.LEAF, "authority", Schema.LEAF,
        "type", Schema.LEAF)),
    /** {@code spec.service.retries}: Istio's HTTPRetry. */
    RETRIES("spec.service.retries", "HTTPRetry", Schema.object("attempts", Schema.LEAF, "perTryTimeout",
        Schema.LEAF, "retryOn", Schema.LEAF)),
    /** {@code spec.service.headers}: Istio's Headers. */
    HEADERS("spec.service.headers", "Headers", Schema.object("request", Schema.HEADER_OPERATIONS, "response",
        Schema.HEADER_OPERATIONS)),
    /** {@code spec.service.corsPolicy}: Istio's CorsPolicy. */
    CORS_POLICY("spec.service.corsPolicy", "CorsPolicy", Schema.CORS),
    /** {@code spec.service.trafficPolicy}: Istio's TrafficPolicy, on both DestinationRules. */
    TRAFFIC_POLICY("spec.service.trafficPolicy", "TrafficPolicy", Schema.TRAFFIC_POLICY),
    /** {@code spec.analysis.match}: the A/B conditions, a list of Istio HTTPMatchRequests in Flagger's subset. */
    ANALYSIS_MATCH("spec.analysis.match", "HTTPMatchRequest", Schema.list(Schema.AB_MATCH));

    private final String path;
    private final String istioType;
    private final Schema schema;

    Block(String path, String istioType, Schema schema) {
      this.path = path;
      this.istioType = istioType;
      this.schema = schema;
    }

    /** The block's path in a Canary, e.g. {@code spec.service.match}. */
    public String path() {
      return path;
    }

    /** The Istio type the block (or each of its items) stands for, e.g. {@code HTTPMatchRequest}. */
    public String istioType() {
      return istioType;
    }
  }

  /** Fields of an HTTPMatchRequest that are no condition: a match made only of them matches every request. */
  private static final Set<String> NOT_CONDITIONS = Set.of("name", "ignoreUriCase");

  private IstioBlocks() {}

  /**
   * The fields of {@code tree} outside Flagger's schema of {@code block}, as paths relative to the block
   * ({@code [0].bogusMatch}, {@code request.bogusOp}), in document order. A value of another shape than the
   * schema's (a list where an object is expected) is left to type checks and not searched.
   */
  public static List<String> unknownFields(Block block, Object tree) {
    List<String> out = new ArrayList<>();
    block.schema.unknown(tree, "", out);
    return out;
  }

  /** A copy of {@code tree} without the fields outside Flagger's schema of {@code block}; {@code null} stays so. */
  @SuppressWarnings("unchecked")
  public static <T> T prune(Block block, T tree) {
    return (T) block.schema.prune(tree);
  }

  /**
   * Every field path of Flagger's schema of {@code block}: {@code .name} for a field, {@code []} for list items,
   * {@code {}} for the values of a map ({@code [].headers{}.exact}). For comparing with a CRD.
   */
  public static Set<String> fieldPaths(Block block) {
    Set<String> out = new LinkedHashSet<>();
    block.schema.paths("", out);
    return out;
  }

  /**
   * Whether an HTTPMatchRequest has no condition, so matches every request: no field but {@code name} and
   * {@code ignoreUriCase}, or only empty ones ({@code headers: {}}, {@code uri: {}}).
   */
  public static boolean matchesEverything(Map<String, ?> match) {
    for (Map.Entry<String, ?> e : match.entrySet()) {
      Object v = e.getValue();
      boolean empty = v == null || v instanceof Map<?, ?> m && m.isEmpty() || v instanceof List<?> l && l.isEmpty();
      if (!NOT_CONDITIONS.contains(e.getKey()) && !empty) {
        return false;
      }
    }
    return true;
  }

  /** A node of the schema: an object with named fields, a map, a list, or a leaf kept as it is. */
  private static final class Schema {
    static final Schema LEAF = new Schema(null, null, null);
    static final Schema STRING_MATCH = object("exact", LEAF, "prefix", LEAF, "regex", LEAF);
    static final Schema MATCH = object("authority", STRING_MATCH, "gateways", list(LEAF),
        "headers", map(STRING_MATCH), "ignoreUriCase", LEAF, "method", STRING_MATCH, "name", LEAF, "port", LEAF,
        "queryParams", map(STRING_MATCH), "scheme", STRING_MATCH, "sourceLabels", map(LEAF),
        "sourceNamespace", LEAF, "uri", STRING_MATCH, "withoutHeaders", map(STRING_MATCH));
    /** Flagger's A/B match: headers (with a {@code suffix} match Istio lacks), queryParams and sourceLabels. */
    static final Schema AB_MATCH = object(
        "headers", map(object("exact", LEAF, "prefix", LEAF, "suffix", LEAF, "regex", LEAF)),
        "queryParams", map(STRING_MATCH), "sourceLabels", map(LEAF));
    static final Schema HEADER_OPERATIONS = object("add", map(LEAF), "remove", list(LEAF), "set", map(LEAF));
    static final Schema CORS = object("allowCredentials", LEAF, "allowHeaders", list(LEAF),
        "allowMethods", list(LEAF), "allowOrigin", list(LEAF), "allowOrigins", list(STRING_MATCH),
        "exposeHeaders", list(LEAF), "maxAge", LEAF);
    static final Schema TRAFFIC_POLICY = object(
        "connectionPool", object("http", object("h2UpgradePolicy", LEAF, "http1MaxPendingRequests", LEAF,
            "http2MaxRequests", LEAF, "idleTimeout", LEAF, "maxRequestsPerConnection", LEAF, "maxRetries", LEAF)),
        "loadBalancer", object(
            "consistentHash", object("httpCookie", object("name", LEAF, "path", LEAF, "ttl", LEAF),
                "httpHeaderName", LEAF, "httpQueryParameterName", LEAF, "minimumRingSize", LEAF,
                "useSourceIp", LEAF),
            "localityLbSetting", object(
                "distribute", list(object("from", LEAF, "to", map(LEAF))), "enabled", LEAF,
                "failover", list(object("from", LEAF, "to", LEAF))),
            "simple", LEAF, "warmupDurationSecs", LEAF),
        "outlierDetection", object("baseEjectionTime", LEAF, "consecutive5xxErrors", LEAF,
            "consecutiveErrors", LEAF, "consecutiveGatewayErrors", LEAF, "consecutiveLocalOriginFailures", LEAF,
            "interval", LEAF, "maxEjectionPercent", LEAF, "minHealthPercent", LEAF,
            "splitExternalLocalOriginErrors", LEAF),
        "tls", object("caCertificates", LEAF, "clientCertificate", LEAF, "mode", LEAF, "privateKey", LEAF,
            "sni", LEAF, "subjectAltNames", list(LEAF)));

    private final Map<String, Schema> fields;
    private final Schema values;
    private final Schema items;

    private Schema(Map<String, Schema> fields, Schema values, Schema items) {
      this.fields = fields;
      this.values = values;
      this.items = items;
    }

    static Schema object(Object... namesAndSchemas) {
      Map<String, Schema> fields = new LinkedHashMap<>();
      for (int i = 0; i < namesAndSchemas.length; i += 2) {
        fields.put((String) namesAndSchemas[i], (Schema) namesAndSchemas[i + 1]);
      }
      return new Schema(Collections.unmodifiableMap(fields), null, null);
    }

    static Schema map(Schema values) {
      return new Schema(null, values, null);
    }

    static Schema list(Schema items) {
      return new Schema(null, null, items);
    }

    void unknown(Object tree, String at, List<String> out) {
      if (fields != null && tree instanceof Map<?, ?> m) {
        byName(m).forEach((k, v) -> {
          Schema field = fields.get(String.valueOf(k));
          if (field == null) {
            out.add(at.isEmpty() ? String.valueOf(k) : at + "." + k);
          } else {
            field.unknown(v, at.isEmpty() ? String.valueOf(k) : at + "." + k, out);
          }
        });
      } else if (values != null && tree instanceof Map<?, ?> m) {
        byName(m).forEach((k, v) -> values.unknown(v, at.isEmpty() ? String.valueOf(k) : at + "." + k, out));
      } else if (items != null && tree instanceof List<?> l) {
        for (int i = 0; i < l.size(); i++) {
          items.unknown(l.get(i), at + "[" + i + "]", out);
        }
      }
    }

    /** The map's entries by key name, so violations come in the same order whatever map the caller built. */
    private static Map<String, Object> byName(Map<?, ?> m) {
      Map<String, Object> sorted = new TreeMap<>();
      m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      return sorted;
    }

    Object prune(Object tree) {
      if (fields != null && tree instanceof Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
          Schema field = fields.get(String.valueOf(k));
          if (field != null) {
            out.put(String.valueOf(k), field.prune(v));
          }
        });
        return out;
      }
      if (values != null && tree instanceof Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), values.prune(v)));
        return out;
      }
      if (items != null && tree instanceof List<?> l) {
        List<Object> out = new ArrayList<>(l.size());
        l.forEach(v -> out.add(items.prune(v)));
        return out;
      }
      return tree;
    }

    void paths(String at, Set<String> out) {
      if (fields != null) {
        fields.forEach((name, field) -> {
          out.add(at + "." + name);
          field.paths(at + "." + name, out);
        });
      } else if (values != null) {
        values.paths(at + "{}", out);
      } else if (items != null) {
        items.paths(at + "[]", out);
      }
    }
  }
}
