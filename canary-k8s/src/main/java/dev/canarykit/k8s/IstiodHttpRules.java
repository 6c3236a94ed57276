package dev.canarykit.k8s;

import static dev.canarykit.k8s.IstiodMatchRules.rejected;

import dev.canarykit.core.model.ServiceSpec;
import dev.canarykit.core.validation.Violation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What istiod refuses in the parts of an HTTP route a Canary's {@code service} gives: header operations,
 * the authority rewritten twice, CORS, retries, rewrite and timeout; reported at the Canary field.
 */
final class IstiodHttpRules {
  private static final String SERVICE = "spec.service.";
  /** The methods istiod allows in CORS (Go's net/http names them), and {@code *}. */
  private static final Set<String> CORS_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
      "CONNECT", "OPTIONS", "TRACE", "*");
  /** Envoy's retry conditions ({@code x-envoy-retry-on} and {@code x-envoy-retry-grpc-on}) istiod accepts. */
  private static final Set<String> RETRY_ON = Set.of("5xx", "gateway-error", "reset", "reset-before-request",
      "connect-failure", "retriable-4xx", "refused-stream", "retriable-status-codes", "retriable-headers",
      "envoy-ratelimited", "http3-post-connect-failure", "cancelled", "deadline-exceeded", "internal",
      "resource-exhausted", "unavailable");
  /** HTTP status codes that have a name (Go's net/http), which istiod accepts in {@code retryOn}. */
  private static final Set<Integer> NAMED_STATUS = Set.of(100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206,
      207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410,
      411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503,
      504, 505, 506, 507, 508, 510, 511);

  private IstiodHttpRules() {}

  static void check(ServiceSpec s, List<Violation> out) {
    headerOperations(s.headers(), out);
    authority(s, out);
    cors(s.corsPolicy(), out);
    retries(s.retries(), out);
    rewrite(s.rewrite(), out);
    duration(SERVICE + "timeout", s.timeout(), false, out);
  }

  private static void headerOperations(Map<String, Object> headers, List<Violation> out) {
    if (headers == null) {
      return;
    }
    for (String side : List.of("request", "response")) {
      Map<?, ?> ops = headers.get(side) instanceof Map<?, ?> m ? m : Map.of();
      String at = SERVICE + "headers." + side;
      for (String op : List.of("set", "add")) {
        if (ops.get(op) instanceof Map<?, ?> values) {
          values.forEach((name, value) -> {
            String problem = side.equals("request") ? requestHeaderName(String.valueOf(name))
                : headerName(String.valueOf(name));
            String valueProblem = value instanceof String v ? IstioSyntax.headerValue(v) : null;
            if (problem != null || valueProblem != null) {
              out.add(rejected(at + "." + op + "." + name, value, problem != null ? problem : valueProblem));
            }
          });
        }
      }
      if (ops.get("remove") instanceof List<?> names) {
        for (int i = 0; i < names.size(); i++) {
          String problem = headerName(String.valueOf(names.get(i)));
          if (problem != null) {
            out.add(rejected(at + ".remove[" + i + "]", names.get(i), problem));
          }
        }
      }
    }
  }

  /** A header a request operation may add or set: the authority ({@code :authority}, {@code host}) included. */
  private static String requestHeaderName(String name) {
    return isAuthority(name) ? null : headerName(name);
  }

  /** A header name an operation may touch: not empty, not {@code host}, no {@code :} pseudo-header. */
  private static String headerName(String name) {
    if (name.isEmpty()) {
      return "a header name cannot be empty";
    }
    if (name.equalsIgnoreCase("host")) {
      return "header \"host\" cannot be changed here";
    }
    return name.startsWith(":") ? "header \"" + name + "\" is a pseudo-header (\":\" prefix)" : null;
  }

  private static boolean isAuthority(String name) {
    return name.equalsIgnoreCase(":authority") || name.equalsIgnoreCase("host");
  }

  /** The authority may be rewritten in one place: rewrite.authority or one request header operation. */
  private static void authority(ServiceSpec s, List<Violation> out) {
    String first = s.rewrite() != null && s.rewrite().get("authority") instanceof String a && !a.isEmpty()
        ? SERVICE + "rewrite.authority" : null;
    Map<?, ?> request = s.headers() != null && s.headers().get("request") instanceof Map<?, ?> m ? m : Map.of();
    for (String op : List.of("set", "add")) {
      Map<?, ?> values = request.get(op) instanceof Map<?, ?> m ? m : Map.of();
      for (Map.Entry<?, ?> e : values.entrySet()) {
        if (!isAuthority(String.valueOf(e.getKey()))) {
          continue;
        }
        String at = SERVICE + "headers.request." + op + "." + e.getKey();
        if (first != null) {
          out.add(rejected(at, e.getValue(), "the authority is already rewritten by " + first));
          return;
        }
        first = at;
      }
    }
  }

  private static void cors(Map<String, Object> cors, List<Violation> out) {
    if (cors == null) {
      return;
    }
    String at = SERVICE + "corsPolicy.";
    forEachItem(cors.get("allowOrigins"), at + "allowOrigins", (path, origin) -> {
      Map<?, ?> m = origin instanceof Map<?, ?> map ? map : Map.of();
      Object value = m.containsKey("exact") ? m.get("exact") : m.containsKey("prefix") ? m.get("prefix")
          : m.get("regex");
      if (value == null || "".equals(value)) {
        out.add(rejected(path, null, "an allowed origin needs a non-empty exact, prefix or regex"));
      } else if (m.get("regex") instanceof String regex && IstioSyntax.regex(regex) != null) {
        out.add(rejected(path + ".regex", regex, IstioSyntax.regex(regex)));
      }
    });
    forEachItem(cors.get("allowMethods"), at + "allowMethods", (path, method) -> {
      if (!CORS_METHODS.contains(String.valueOf(method))) {
        out.add(rejected(path, method, "not an HTTP method istiod allows (" + String.join(", ", List.of("GET",
            "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE")) + " or *, in upper case)"));
      }
    });
    for (String field : List.of("allowHeaders", "exposeHeaders")) {
      forEachItem(cors.get(field), at + field, (path, name) -> {
        String problem = IstioSyntax.corsHeaderName(String.valueOf(name));
        if (problem != null) {
          out.add(rejected(path, name, problem));
        }
      });
    }
    duration(at + "maxAge", cors.get("maxAge") instanceof String s ? s : null, true, out);
  }

  private static void retries(Map<String, Object> retries, List<Violation> out) {
    if (retries == null) {
      return;
    }
    String at = SERVICE + "retries.";
    long attempts = retries.get("attempts") instanceof Number n ? n.longValue() : 0;
    String retryOn = retries.get("retryOn") instanceof String s ? s : "";
    String perTry = retries.get("perTryTimeout") instanceof String s ? s : null;
    if (attempts < 0) {
      out.add(rejected(at + "attempts", attempts, "attempts cannot be negative"));
    } else if (attempts == 0 && (!retryOn.isEmpty() || perTry != null)) {
      out.add(rejected(at + "attempts", retries.get("attempts"), "retryOn or perTryTimeout is set but attempts"
          + " is 0 (retries disabled)"));
    }
    duration(at + "perTryTimeout", perTry, false, out);
    if (!retryOn.isEmpty()) {
      for (String policy : retryOn.split(",", -1)) {
        if (!RETRY_ON.contains(policy) && !isNamedStatus(policy)) {
          out.add(rejected(at + "retryOn", retryOn, "\"" + policy + "\" is not a retry condition (5xx,"
              + " gateway-error, connect-failure, retriable-4xx, refused-stream, ... or an HTTP status code;"
              + " comma-separated, no spaces)"));
        }
      }
    }
  }

  private static boolean isNamedStatus(String policy) {
    try {
      return NAMED_STATUS.contains(Integer.parseInt(policy));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A rewrite canarykit writes (anything but Flagger's Gateway API {@code type}) needs a uri or an authority. */
  private static void rewrite(Map<String, Object> rewrite, List<Violation> out) {
    if (rewrite == null || rewrite.keySet().stream().allMatch("type"::equals)) {
      return;
    }
    boolean uri = rewrite.get("uri") instanceof String u && !u.isEmpty();
    boolean authority = rewrite.get("authority") instanceof String a && !a.isEmpty();
    if (!uri && !authority) {
      out.add(rejected(SERVICE + "rewrite", null, "a rewrite needs a non-empty uri or authority"));
    }
  }

  private static void duration(String path, String value, boolean seconds, List<Violation> out) {
    String problem = IstioSyntax.duration(value, seconds);
    if (problem != null) {
      out.add(rejected(path, value, problem));
    }
  }

  private static void forEachItem(Object list, String path, java.util.function.BiConsumer<String, Object> check) {
    if (list instanceof List<?> items) {
      for (int i = 0; i < items.size(); i++) {
        check.accept(path + "[" + i + "]", items.get(i));
      }
    }
  }
}
