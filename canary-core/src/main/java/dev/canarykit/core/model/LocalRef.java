package dev.canarykit.core.model;

/**
 * A reference by name to an object in the Canary's namespace ({@code ingressRef}, {@code routeRef}).
 *
 * @param apiVersion the referenced object's API version
 * @param kind the referenced object's kind
 * @param name its name
 */
public record LocalRef(String apiVersion, String kind, String name) {}
