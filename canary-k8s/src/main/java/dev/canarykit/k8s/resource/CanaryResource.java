package dev.canarykit.k8s.resource;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Flagger's {@code flagger.app/v1beta1 Canary}, read unchanged.
 *
 * <pre>{@code
 * CanaryResource r = client.resources(CanaryResource.class).inNamespace("test").withName("podinfo").get();
 * CanaryMapping.Result mapped = CanaryMapping.toCore(r);
 * }</pre>
 *
 * <p>Unknown fields are ignored when read this way; {@link dev.canarykit.k8s.FlaggerDocuments} reads a raw
 * document and reports them as warnings.
 */
@Group("flagger.app")
@Version("v1beta1")
@Kind("Canary")
@Plural("canaries")
@Singular("canary")
public class CanaryResource extends CustomResource<CanaryResourceSpec, CanaryResourceStatus> implements Namespaced {
  private static final long serialVersionUID = 1L;
}
