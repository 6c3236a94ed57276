package dev.canarykit.examples.demo;

/** Where the demo's Istio objects live. */
enum MeshCluster {
  /** In the workload cluster, next to the Deployments and the Canary. */
  SAME,
  /**
   * Behind a second API server, the mesh control plane's, as in the seed (a managed mesh whose Istio resources
   * live in its own cluster; Flagger's {@code -kubeconfig-service-mesh}).
   */
  SEPARATE;

  /** The lower-case name used on the command line. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
