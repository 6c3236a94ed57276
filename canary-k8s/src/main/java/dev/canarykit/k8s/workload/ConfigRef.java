package dev.canarykit.k8s.workload;

/**
 * A ConfigMap or Secret a pod spec refers to.
 *
 * @param kind {@code configmap} or {@code secret}
 * @param name the object's name
 * @param optional whether the reference is optional (a missing object is then skipped)
 */
record ConfigRef(String kind, String name, boolean optional) {
  static final String CONFIGMAP = "configmap";
  static final String SECRET = "secret";

  /** The key in {@code status.trackedConfigs}: {@code configmap/<name>} or {@code secret/<name>}. */
  String key() {
    return kind + "/" + name;
  }
}
