package dev.canarykit.core.model;

/**
 * Sticky canary sessions ({@code analysis.sessionAffinity}): a canary cookie set on responses from the canary
 * while the run is active, and optionally a primary cookie.
 *
 * @param cookieName the canary cookie's name (required)
 * @param primaryCookieName the primary cookie's name, or {@code null} for none; must differ from cookieName
 * @param maxAge the canary cookie's Max-Age in seconds, or {@code null} for {@value #DEFAULT_MAX_AGE}
 * @param domain cookie Domain attribute, or {@code null}
 * @param httpOnly cookie HttpOnly attribute
 * @param partitioned cookie Partitioned attribute
 * @param path cookie Path attribute, or {@code null}
 * @param sameSite cookie SameSite attribute ({@code Strict}, {@code Lax}, {@code None}), or {@code null}
 * @param secure cookie Secure attribute
 */
public record SessionAffinity(
    String cookieName,
    String primaryCookieName,
    Integer maxAge,
    String domain,
    boolean httpOnly,
    boolean partitioned,
    String path,
    String sameSite,
    boolean secure) {

  /** Default canary cookie Max-Age: one day. */
  public static final int DEFAULT_MAX_AGE = 86400;

  /** A canary cookie only, with default attributes. */
  public static SessionAffinity of(String cookieName) {
    return new SessionAffinity(cookieName, null, null, null, false, false, null, null, false);
  }

  /** The canary cookie's Max-Age in seconds. */
  public int maxAgeOrDefault() {
    return maxAge == null || maxAge <= 0 ? DEFAULT_MAX_AGE : maxAge;
  }

  /** Whether a primary cookie is configured. */
  public boolean hasPrimaryCookie() {
    return primaryCookieName != null && !primaryCookieName.isEmpty();
  }
}
