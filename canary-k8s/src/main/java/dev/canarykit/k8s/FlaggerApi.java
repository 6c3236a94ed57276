package dev.canarykit.k8s;

/** Names of Flagger's API that canarykit reads and writes unchanged. */
public final class FlaggerApi {
  /** The API group of Canary, MetricTemplate and AlertProvider. */
  public static final String GROUP = "flagger.app";
  /** The served version. */
  public static final String VERSION = "v1beta1";
  /** {@code flagger.app/v1beta1}. */
  public static final String API_VERSION = GROUP + "/" + VERSION;

  private FlaggerApi() {}
}
