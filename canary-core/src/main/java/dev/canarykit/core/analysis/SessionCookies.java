package dev.canarykit.core.analysis;

/**
 * Session-affinity cookies for the router, as {@code name=value} strings (empty when absent).
 *
 * @param canary the current run's canary cookie
 * @param previous the previous run's canary cookie, to be deleted on clients
 * @param primary the primary cookie
 */
public record SessionCookies(String canary, String previous, String primary) {}
