/**
 * fabric8 custom resource classes for Flagger's {@code flagger.app/v1beta1} {@code Canary}, {@code MetricTemplate}
 * and {@code AlertProvider}, field for field as Flagger's schema (records; unknown fields are ignored on read).
 *
 * <pre>{@code
 * var canaries = client.resources(CanaryResource.class).inNamespace("test");
 * canaries.withName("podinfo").editStatus(c -> { c.setStatus(CanaryStatusMapping.toResource(next)); return c; });
 * }</pre>
 *
 * <p>Nullness: these are fabric8 (Jackson) classes, so every field of a resource is {@code null} when
 * the YAML leaves it out; everything else here takes and returns no {@code null} unless documented.
 */
package dev.canarykit.k8s.resource;
