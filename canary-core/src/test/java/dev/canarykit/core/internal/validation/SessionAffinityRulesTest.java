package dev.canarykit.core.internal.validation;

import static dev.canarykit.core.internal.validation.Seed.assertSingle;
import static dev.canarykit.core.internal.validation.Seed.assertValid;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.SessionAffinity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionAffinityRulesTest {
  private static final String P = "spec.analysis.sessionAffinity";

  @Test
  void fullyConfiguredAffinityIsValid() {
    assertValid(with(new SessionAffinity("flagger-cookie", "flagger-primary", 3600, "example.com", true, false,
        "/", "None", true)));
    assertValid(with(SessionAffinity.of("flagger-cookie")));
  }

  @Test
  void cookieNameIsRequired() {
    assertSingle(with(SessionAffinity.of(null)), P + ".cookieName", null);
    assertSingle(with(SessionAffinity.of("")), P + ".cookieName", "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"flagger cookie", "a;b", "a=b", "a,b", "\"quoted\"", "tab\tname"})
  void cookieNamesMustBeTokens(String name) {
    assertSingle(with(SessionAffinity.of(name)), P + ".cookieName", name);
    assertSingle(with(new SessionAffinity("canary", name, null, null, false, false, null, null, false)),
        P + ".primaryCookieName", name);
  }

  @Test
  void primaryCookieNameMustDifferFromCookieName() {
    assertSingle(with(new SessionAffinity("same", "same", null, null, false, false, null, null, false)), P, "same");
  }

  @Test
  void maxAgeMustNotBeNegative() {
    assertSingle(with(new SessionAffinity("c", null, -1, null, false, false, null, null, false)), P + ".maxAge", -1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"strict", "LAX", "Sometimes"})
  void sameSiteMustBeStrictLaxOrNone(String sameSite) {
    assertSingle(with(new SessionAffinity("c", null, null, null, false, false, null, sameSite, false)),
        P + ".sameSite", sameSite);
  }

  @Test
  void sameSiteNoneNeedsSecure() {
    assertSingle(with(new SessionAffinity("c", null, null, null, false, false, null, "None", false)), P, "None");
  }

  @Test
  void domainAndPathMustNotInjectAttributes() {
    assertSingle(with(new SessionAffinity("c", null, null, "a.com; Secure", false, false, null, null, false)),
        P + ".domain", "a.com; Secure");
    assertSingle(with(new SessionAffinity("c", null, null, null, false, false, "/\n", null, false)),
        P + ".path", "/\n");
  }

  private static Canary with(SessionAffinity affinity) {
    return Seed.withAnalysis(a -> a.sessionAffinity(affinity));
  }
}
