package dev.canarykit.k8s.controller;

/**
 * {@link CanaryController#start()} failed; the message names what: the API server (with its URL) that cannot be
 * reached, the CustomResourceDefinition that is not installed, the request that is forbidden, or the informer
 * that could not start. The controller released everything it had taken and may be started again.
 */
public final class ControllerStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}, caused by {@code cause} (may be {@code null}). */
  public ControllerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
