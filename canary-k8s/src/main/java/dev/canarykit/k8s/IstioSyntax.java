package dev.canarykit.k8s;

import com.google.re2j.PatternSyntaxException;
import dev.canarykit.core.internal.GoDuration;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The syntax istiod's validation demands of the values a Canary puts in a VirtualService. Each check returns what is
 * wrong, in words, or {@code null} when istiod accepts the value.
 */
final class IstioSyntax {
  /** A DNS label as istiod reads it (upper case allowed), at most 63 characters. */
  private static final String LABEL = "[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?";
  private static final Pattern DNS_LABEL = Pattern.compile(LABEL);
  /** A host's first label may be {@code *}, or a label after {@code *} or {@code *-}. */
  private static final Pattern WILDCARD_LABEL = Pattern.compile("\\*|(?:\\*|\\*-)?" + LABEL);
  /** HTTP's token characters (RFC 7230), which a header name is made of. */
  private static final Pattern HEADER_NAME = Pattern.compile("[-!#$%&'*+.^_`|~A-Za-z0-9]+");
  private static final Pattern LABEL_KEY = Pattern.compile("(?:(" + LABEL + "(?:\\." + LABEL + ")*)/)?"
      + "((?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])");
  private static final Pattern LABEL_VALUE = Pattern.compile("(?:(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
  private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
      + "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  /** Envoy's header value syntax: {@code %%} is a percent sign, {@code %NAME%} or {@code %NAME(args)%} a variable. */
  private static final Pattern ENVOY_VALUE = Pattern.compile(
      "(?:[^%]|%%|%[^%(]*(?:\\((?:\"(?:[^\"\\\\]|\\\\.)*\"|[^\")])*\\) *)?%)*");
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0A-\\x1F\\x7F]");
  private static final Set<String> PSEUDO_HEADERS = Set.of(":method", ":scheme", ":authority", ":path", ":status");
  private static final String JWT_CLAIM = "@request.auth.claims";
  /** Longer regexes are refused: Envoy bounds a regex's program size, which istiod approximates by its length. */
  static final int MAX_REGEX = 1024;

  private IstioSyntax() {}

  /** A VirtualService host: a domain whose first label may be a wildcard, or an IP address. */
  static String host(String host) {
    if (isIp(host)) {
      return null;
    }
    String pre = domainLength(host);
    if (pre != null) {
      return pre;
    }
    int dot = host.indexOf('.');
    String first = dot < 0 ? host : host.substring(0, dot);
    if (first.length() > 63 || !WILDCARD_LABEL.matcher(first).matches()) {
      return "label " + quote(first) + " is not a DNS label (a wildcard * may only start the first label)";
    }
    return dot < 0 ? null : labels(host.substring(dot + 1));
  }

  /** A gateway reference: {@code <namespace>/<name>}, or a name or FQDN ({@code mesh}, {@code gw.ns.svc...}). */
  static String gateway(String name) {
    int slash = name.indexOf('/');
    if (slash < 0) {
      String pre = domainLength(name);
      return pre != null ? pre : labels(name);
    }
    String ns = name.substring(0, slash);
    String gw = name.substring(slash + 1);
    if (!isDnsLabel(ns)) {
      return "namespace " + quote(ns) + " is not a DNS label";
    }
    return isDnsLabel(gw) ? null : "gateway name " + quote(gw) + " is not a DNS label";
  }

  /** A DNS label of at most 63 characters (upper case allowed, as istiod allows it). */
  static boolean isDnsLabel(String s) {
    return s.length() <= 63 && DNS_LABEL.matcher(s).matches();
  }

  /** A header name in a match: an HTTP token, a pseudo-header, or a JWT claim ({@code @request.auth.claims.x}). */
  static String matchedHeaderName(String name) {
    if (name.isEmpty()) {
      return "a header name cannot be empty";
    }
    if (isJwtClaim(name) || PSEUDO_HEADERS.contains(name) || HEADER_NAME.matcher(name).matches()) {
      return null;
    }
    return "is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)";
  }

  /** Whether a matched header is a JWT claim, which istiod routes on only at gateways. */
  static boolean isJwtClaim(String name) {
    return name.startsWith(JWT_CLAIM + ".") || name.startsWith(JWT_CLAIM + "[");
  }

  /** A header name in CORS {@code allowHeaders}/{@code exposeHeaders}: an HTTP token or {@code *}. */
  static String corsHeaderName(String name) {
    if (name.isEmpty()) {
      return "a header name cannot be empty";
    }
    return name.equals("*") || HEADER_NAME.matcher(name).matches() ? null
        : "is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only), or *";
  }

  /** A header value Envoy adds or sets: no control characters, and {@code %} only as {@code %%} or a variable. */
  static String headerValue(String value) {
    if (CONTROL.matcher(value).find()) {
      return "a header value cannot hold control characters";
    }
    return ENVOY_VALUE.matcher(value).matches() ? null : "is not a valid Envoy header value: write a percent sign as"
        + " %%; %NAME% and %NAME(args)% are variables";
  }

  /** A regex as istiod compiles it (Go's RE2 syntax), no longer than {@value #MAX_REGEX} characters. */
  static String regex(String regex) {
    if (regex.isEmpty()) {
      return "a regex match cannot be empty";
    }
    if (regex.length() > MAX_REGEX) {
      return "the regex is longer than " + MAX_REGEX + " characters";
    }
    try {
      com.google.re2j.Pattern.compile(regex);
      return null;
    } catch (PatternSyntaxException e) {
      return "is not an RE2 regex (" + e.getDescription() + "); Istio uses RE2 syntax, without lookaround or"
          + " backreferences";
    }
  }

  /** A Kubernetes label key, as {@code sourceLabels} keys must be. */
  static String labelKey(String key) {
    var m = LABEL_KEY.matcher(key);
    if (!m.matches()) {
      return "is not a valid label key ([prefix/]name: letters, digits, '-', '_', '.')";
    }
    if (m.group(1) != null && m.group(1).length() > 253) {
      return "the label key's prefix is longer than 253 characters";
    }
    return m.group(2).length() > 63 ? "the label key's name is longer than 63 characters" : null;
  }

  /** A Kubernetes label value (any length, as istiod checks it). */
  static String labelValue(String value) {
    return LABEL_VALUE.matcher(value).matches() ? null
        : "is not a valid label value (letters, digits, '-', '_', '.', starting and ending with a letter or digit)";
  }

  /**
   * A duration istiod accepts: at least 1 ms, in whole milliseconds (and whole seconds when {@code seconds}). An
   * unparsable value is left to the core validation.
   */
  static String duration(String value, boolean seconds) {
    Optional<Duration> d = value == null ? Optional.empty() : GoDuration.parse(value);
    if (d.isEmpty()) {
      return null;
    }
    if (d.get().compareTo(Duration.ofMillis(1)) < 0) {
      return "a duration must be at least 1ms";
    }
    if (seconds && d.get().getNano() != 0) {
      return "this duration must be in whole seconds";
    }
    return d.get().getNano() % 1_000_000 != 0 ? "a duration must be in whole milliseconds" : null;
  }

  private static boolean isIp(String host) {
    return IPV4.matcher(host).matches() || host.indexOf(':') >= 0 && host.matches("[0-9A-Fa-f:.]+");
  }

  private static String domainLength(String name) {
    if (name.isEmpty()) {
      return "a domain name cannot be empty";
    }
    return name.length() > 255 ? "a domain name is at most 255 characters" : null;
  }

  /** Dot-separated DNS labels; the last may be empty (a trailing dot) but not all digits. */
  private static String labels(String domain) {
    String[] parts = domain.split("\\.", -1);
    String tld = parts[parts.length - 1];
    if (tld.matches("[+-]?\\d+")) {
      return "the top-level domain " + quote(tld) + " cannot be all digits";
    }
    for (int i = 0; i < parts.length; i++) {
      if (!(i == parts.length - 1 && parts[i].isEmpty()) && !isDnsLabel(parts[i])) {
        return "label " + quote(parts[i]) + " is not a DNS label";
      }
    }
    return null;
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }
}
