package dev.canarykit.core.analysis;

import dev.canarykit.core.analysis.Command.SessionCookies;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.SessionAffinity;

/**
 * Builds {@link Command.SetRoutes} and keeps the session-affinity cookies in status (docs/flagger-compatibility.md
 * §1.17): a run with canary traffic gets fresh cookies once; routing back to zero moves the canary cookie to "previous"
 * so the router can delete it on clients.
 */
final class Routing {
  private static final int COOKIE_LENGTH = 10;

  private Routing() {}

  /**
   * Sets routes, on the condition that the live routes are still those the tick read or last set; returns whether
   * the router succeeded (a failure is emitted as a warning).
   */
  static boolean set(Tick t, int primary, int canary, boolean mirrored) {
    Command.SetRoutes command = command(t, primary, canary, mirrored);
    boolean ok = t.ok(command);
    if (ok) {
      t.liveRoutes(command.routes());
    }
    return ok;
  }

  private static Command.SetRoutes command(Tick t, int primary, int canary, boolean mirrored) {
    SessionAffinity affinity = t.analysis.sessionAffinity();
    if (affinity == null) {
      return new Command.SetRoutes(primary, canary, mirrored, null, t.liveRoutes());
    }
    CanaryStatus s = t.status().current();
    String current = s.sessionAffinityCookie();
    String previous = s.previousSessionAffinityCookie();
    String primaryCookie = s.primarySessionAffinityCookie();
    if (canary != 0) {
      if (current.isEmpty()) {
        current = affinity.cookieName() + "=" + token(t.entropy(), 0);
      }
      if (primaryCookie.isEmpty() && affinity.hasPrimaryCookie()) {
        primaryCookie = affinity.primaryCookieName() + "=" + token(t.entropy(), 1);
      }
    } else {
      previous = current.isEmpty() ? previous : current;
      current = "";
    }
    t.status().cookies(current, previous, primaryCookie);
    return new Command.SetRoutes(primary, canary, mirrored, new SessionCookies(current, previous, primaryCookie),
        t.liveRoutes());
  }

  /** The n-th 10-letter slice of the tick's entropy; letters only, so the value is a safe cookie token. */
  private static String token(String entropy, int n) {
    StringBuilder out = new StringBuilder(COOKIE_LENGTH);
    for (int i = 0; i < entropy.length() && out.length() < COOKIE_LENGTH * (n + 1); i++) {
      char c = entropy.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        out.append(c);
      }
    }
    if (out.length() < COOKIE_LENGTH * (n + 1)) {
      throw new IllegalArgumentException("TickInput.entropy needs at least 20 letters for session-affinity cookies");
    }
    return out.substring(COOKIE_LENGTH * n, COOKIE_LENGTH * (n + 1));
  }
}
