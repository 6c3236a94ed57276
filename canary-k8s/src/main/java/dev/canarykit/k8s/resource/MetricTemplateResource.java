package dev.canarykit.k8s.resource;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** Flagger's {@code flagger.app/v1beta1 MetricTemplate}, read unchanged. */
@Group("flagger.app")
@Version("v1beta1")
@Kind("MetricTemplate")
@Plural("metrictemplates")
@Singular("metrictemplate")
public class MetricTemplateResource extends CustomResource<MetricTemplateResourceSpec, ConditionsStatus>
    implements Namespaced {
  private static final long serialVersionUID = 1L;
}
