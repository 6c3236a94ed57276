package dev.canarykit.istio;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores the VirtualService spec from before canarykit managed it (§3.7): from kubectl's last-applied record,
 * else from {@value VirtualServiceMetadata#ORIGINAL}; leaves the object alone when neither exists.
 */
final class Revert {
  private static final Logger LOG = LoggerFactory.getLogger(Revert.class);
  private static final Class<io.fabric8.istio.api.api.networking.v1alpha3.VirtualService> SPEC =
      io.fabric8.istio.api.api.networking.v1alpha3.VirtualService.class;

  private final IstioObjects objects;
  private final VirtualServices virtualServices;

  Revert(IstioObjects objects, VirtualServices virtualServices) {
    this.objects = objects;
    this.virtualServices = virtualServices;
  }

  Outcome.OkResult run(Canary canary) {
    return virtualServices.writer(canary).run("revert", live -> {
      if (live == null) {
        return Change.none();
      }
      Map<String, String> annotations = live.getMetadata().getAnnotations();
      if (annotations == null || !annotations.containsKey(VirtualServiceMetadata.KUBECTL)
          && !annotations.containsKey(VirtualServiceMetadata.ORIGINAL)) {
        LOG.warn("{} original configuration not found, unable to revert", VirtualServices.what(canary));
        return Change.none();
      }
      return restore(canary, live, annotations);
    });
  }

  private Change<VirtualService> restore(Canary canary, VirtualService live, Map<String, String> annotations) {
    boolean kubectl = annotations.containsKey(VirtualServiceMetadata.KUBECTL);
    String key = kubectl ? VirtualServiceMetadata.KUBECTL : VirtualServiceMetadata.ORIGINAL;
    Map<String, Object> stored;
    try {
      Map<String, Object> parsed = objects.parse(annotations.get(key));
      stored = kubectl ? Trees.child(parsed, "spec") : parsed;
    } catch (KubernetesClientException | IllegalArgumentException e) {
      return Change.fail(VirtualServices.what(canary) + " cannot be reverted: annotation " + key
          + " is not valid JSON");
    }
    Map<String, Object> spec = objects.canonical(stored, SPEC);
    if (spec.equals(objects.tree(live.getSpec()))) {
      return Change.none();
    }
    live.setSpec(objects.typed(spec, SPEC));
    return Change.update(live);
  }
}
