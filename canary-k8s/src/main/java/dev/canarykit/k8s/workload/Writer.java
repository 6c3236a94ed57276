package dev.canarykit.k8s.workload;

import dev.canarykit.k8s.cache.ClusterReader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads through the store's reader and writes through the client: creates, and edits of owned fields. Reads never
 * answer with an object older than this writer's last write of it ({@link ReadYourWrites}).
 */
final class Writer {
  private final KubernetesClient client;
  private final ReadYourWrites reader;
  private final OwnedFields owned;

  Writer(KubernetesClient client, ClusterReader reader) {
    this.client = client;
    this.reader = new ReadYourWrites(reader, ClusterReader.direct(client));
    this.owned = new OwnedFields(client);
  }

  ClusterReader reader() {
    return reader;
  }

  KubernetesClient client() {
    return client;
  }

  /** Creates {@code o}; an object created meanwhile by someone else counts as done. */
  void create(HasMetadata o) {
    try {
      reader.wrote(client.resource(o).create());
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
  }

  /** Edits the owned {@code paths} of an existing object (see {@link OwnedFields}); whether a patch was sent. */
  <T extends HasMetadata> boolean edit(Class<T> type, String ns, String name, List<String> paths,
      UnaryOperator<T> change) {
    T written = owned.edit(type, ns, name, paths, change);
    if (written != null) {
      reader.wrote(written);
    }
    return written != null;
  }
}
