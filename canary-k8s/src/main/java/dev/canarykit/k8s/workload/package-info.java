/**
 * The Deployment, HPA, ConfigMap, Secret and Service side of a Canary (docs/flagger-compatibility.md §3, §4.1).
 *
 * <pre>{@code
 * WorkloadStore workloads = KubernetesWorkloadStore.builder(client).reader(cache).build();
 * CanaryDriver driver = CanaryDriver.builder().workloads(workloads)...build();
 * }</pre>
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.k8s.workload;
