package dev.canarykit.istio;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Command.SessionCookies;
import dev.canarykit.core.analysis.Outcome;

/**
 * What a VirtualService carries beyond the Canary spec: the weights, the mirror flag and the session-affinity
 * cookies.
 *
 * @param primaryWeight the primary's weight, 0-100
 * @param canaryWeight the canary's weight, 0-100
 * @param mirrored whether traffic is mirrored to the canary
 * @param cookies the session-affinity cookies, or {@code null} without any
 */
record RouteState(int primaryWeight, int canaryWeight, boolean mirrored, SessionCookies cookies) {
  /** A new route: everything to the primary, no mirror, no cookies. */
  static final RouteState INITIAL = new RouteState(100, 0, false, null);

  /** The state a {@link Command.SetRoutes} asks for. */
  static RouteState of(Command.SetRoutes set) {
    return new RouteState(set.primaryWeight(), set.canaryWeight(), set.mirrored(), set.cookies());
  }

  /** The weights and mirror flag as the port reports them. */
  Outcome.Routes routes() {
    return new Outcome.Routes(primaryWeight, canaryWeight, mirrored);
  }

  /** The canary cookie, empty when absent. */
  String canaryCookie() {
    return cookies == null || cookies.canary() == null ? "" : cookies.canary();
  }

  /** The previous run's canary cookie, empty when absent. */
  String previousCookie() {
    return cookies == null || cookies.previous() == null ? "" : cookies.previous();
  }

  /** The primary cookie, empty when absent. */
  String primaryCookie() {
    return cookies == null || cookies.primary() == null ? "" : cookies.primary();
  }
}
