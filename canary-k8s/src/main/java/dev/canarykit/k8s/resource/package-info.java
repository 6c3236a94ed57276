/**
 * fabric8 custom resource classes for Flagger's {@code flagger.app/v1beta1} {@code Canary}, {@code MetricTemplate}
 * and {@code AlertProvider}, field for field as Flagger's schema (records; unknown fields are ignored on read).
 *
 * <pre>{@code
 * var canaries = client.resources(CanaryResource.class).inNamespace("test");
 * canaries.withName("podinfo").editStatus(c -> { c.setStatus(CanaryStatusMapping.toResource(next)); return c; });
 * }</pre>
 */
package dev.canarykit.k8s.resource;
