/**
 * The Deployment, HPA, ConfigMap, Secret and Service side of a Canary (docs/flagger-compatibility.md §3, §4.1).
 *
 * <pre>{@code
 * WorkloadStore workloads = KubernetesWorkloadStore.builder(client).reader(cache).build();
 * CanaryDriver driver = CanaryDriver.builder().workloads(workloads)...build();
 * }</pre>
 */
package dev.canarykit.k8s.workload;
