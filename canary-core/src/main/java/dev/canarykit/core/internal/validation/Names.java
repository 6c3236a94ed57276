package dev.canarykit.core.internal.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Syntax checks for Kubernetes names, port names, cookie tokens and URLs. */
final class Names {
  /** Longest name that still fits {@code <name>-primary} in an RFC 1123 label. */
  static final int MAX_SERVICE_NAME = 63 - "-primary".length();

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern RFC1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern IANA_SVC = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern QUALIFIED = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern COOKIE_TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");
  private static final Pattern VARIABLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Names() {}

  /** An RFC 1123 subdomain (a Kubernetes object name): at most 253 characters. */
  static boolean isSubdomain(String s) {
    return s.length() <= 253 && SUBDOMAIN.matcher(s).matches();
  }

  /** An RFC 1123 label (a namespace): at most 63 characters. */
  static boolean isLabel(String s) {
    return s.length() <= 63 && LABEL.matcher(s).matches();
  }

  /** An RFC 1035 label (a Service name): starts with a letter, at most 63 characters. */
  static boolean isRfc1035Label(String s) {
    return s.length() <= 63 && RFC1035.matcher(s).matches();
  }

  /** An IANA_SVC_NAME (a named port): at most 15 characters, with a letter, no {@code --}. */
  static boolean isIanaSvcName(String s) {
    return s.length() <= 15 && IANA_SVC.matcher(s).matches() && !s.contains("--") && s.matches(".*[a-z].*");
  }

  /** A label or annotation key: an optional DNS-subdomain prefix and {@code /}, then a name of <= 63. */
  static boolean isQualifiedName(String s) {
    int slash = s.indexOf('/');
    String name = slash < 0 ? s : s.substring(slash + 1);
    boolean prefixOk = slash < 0 || slash > 0 && isSubdomain(s.substring(0, slash));
    return prefixOk && name.length() <= 63 && QUALIFIED.matcher(name).matches();
  }

  /** A label value: empty, or a name of at most 63 characters. */
  static boolean isLabelValue(String s) {
    return s.isEmpty() || s.length() <= 63 && QUALIFIED.matcher(s).matches();
  }

  /** An RFC 6265 cookie name (an HTTP token: no spaces, separators or control characters). */
  static boolean isCookieToken(String s) {
    return COOKIE_TOKEN.matcher(s).matches();
  }

  /** A template variable name, usable as {@code {{ variables.<key> }}}. */
  static boolean isVariableKey(String s) {
    return VARIABLE_KEY.matcher(s).matches();
  }

  /** An absolute {@code http} or {@code https} URL with a host. */
  static boolean isHttpUrl(String s) {
    try {
      URI uri = new URI(s);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
