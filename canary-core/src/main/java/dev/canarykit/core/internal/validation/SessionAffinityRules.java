package dev.canarykit.core.internal.validation;

import dev.canarykit.core.model.SessionAffinity;
import java.util.Set;

/** Rules for {@code spec.analysis.sessionAffinity}: cookie names and attributes. */
final class SessionAffinityRules {
  /** Allowed SameSite attribute values. */
  static final Set<String> SAME_SITE = Set.of("Strict", "Lax", "None");

  private SessionAffinityRules() {}

  static void check(SessionAffinity s, Violations v) {
    if (!v.missing("cookieName", s.cookieName())) {
      checkCookieName("cookieName", s.cookieName(), v);
    }
    if (s.hasPrimaryCookie()) {
      checkCookieName("primaryCookieName", s.primaryCookieName(), v);
      if (s.primaryCookieName().equals(s.cookieName())) {
        v.addHere(s.primaryCookieName(), "primaryCookieName must differ from cookieName");
      }
    }
    v.atLeast("maxAge", s.maxAge(), 0);
    checkAttributes(s, v);
  }

  private static void checkCookieName(String field, String name, Violations v) {
    if (!Names.isCookieToken(name)) {
      v.add(field, name, "must be a cookie name: letters, digits and !#$%&'*+-.^_`|~ only"
          + " (no spaces, ';', '=', ',' or quotes)");
    }
  }

  private static void checkAttributes(SessionAffinity s, Violations v) {
    if (s.sameSite() != null && !s.sameSite().isEmpty() && !SAME_SITE.contains(s.sameSite())) {
      v.add("sameSite", s.sameSite(), "must be Strict, Lax or None");
    }
    if ("None".equals(s.sameSite()) && !s.secure()) {
      v.addHere(s.sameSite(), "sameSite None needs secure: true, or browsers reject the cookie");
    }
    checkAttributeValue("domain", s.domain(), v);
    checkAttributeValue("path", s.path(), v);
  }

  private static void checkAttributeValue(String field, String value, Violations v) {
    if (value != null && value.chars().anyMatch(c -> c == ';' || c < 0x20 || c == 0x7f)) {
      v.add(field, value, "must not contain ';' or control characters");
    }
  }
}
