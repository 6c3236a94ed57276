package dev.canarykit.core.model;

/**
 * The mesh or ingress provider of a Canary ({@code spec.provider}) as canarykit tells providers apart. The text
 * stays in {@link CanarySpec#provider()}: Flagger's event texts name it as written, and providers canarykit does not
 * drive carry versions ({@code gatewayapi:v1beta1}).
 */
public enum Provider {
  /** {@code istio}, also when the field is empty (the controller default). */
  ISTIO,
  /** {@code kubernetes}: no mesh routing, so the Blue/Green strategy is forced. */
  KUBERNETES,
  /** A provider Flagger supports and canarykit does not drive (linkerd, gatewayapi, ...). */
  OTHER;

  /** The provider named by {@code text}; {@code null} or empty is {@link #ISTIO}. */
  public static Provider of(String text) {
    if (text == null || text.isEmpty() || text.equals("istio")) {
      return ISTIO;
    }
    return text.equals("kubernetes") ? KUBERNETES : OTHER;
  }

  /** Whether canarykit drives Canaries of this provider. */
  public boolean driven() {
    return this != OTHER;
  }
}
