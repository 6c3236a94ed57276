package dev.canarykit.istio;

import dev.canarykit.core.model.Canary;

/** The apex, primary and canary service names of a Canary ({@code <svc>}, {@code <svc>-primary}, {@code <svc>-canary}). */
record ServiceNames(String apex, String primary, String canary) {
  /** The names for {@code canary}. */
  public static ServiceNames of(Canary canary) {
    String apex = canary.spec().serviceName();
    return new ServiceNames(apex, apex + "-primary", apex + "-canary");
  }
}
