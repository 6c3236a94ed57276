package dev.canarykit.examples.demo;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the final YAML of every object in the given namespaces (Events and Leases excepted) into one folder, one
 * file per object named {@code <kind in lower case>-<name>.yaml}; when two objects would get the same name, their
 * files are {@code <kind>-<name>.<namespace>.yaml}.
 */
final class Dump {
  private Dump() {}

  /**
   * Writes the objects.
   *
   * @return the files written, in order
   */
  public static List<Path> write(KubernetesClient client, List<String> namespaces, Path dir) {
    List<GenericKubernetesResource> objects = new ArrayList<>();
    for (String ns : namespaces) {
      for (ResourceDefinitionContext kind : Kinds.DUMPED) {
        objects.addAll(Kinds.of(client, kind).inNamespace(ns).list().getItems());
      }
    }
    Map<String, Integer> uses = new HashMap<>();
    objects.forEach(o -> uses.merge(base(o), 1, Integer::sum));
    try {
      Files.createDirectories(dir);
      List<Path> written = new ArrayList<>();
      for (GenericKubernetesResource o : objects) {
        String name = uses.get(base(o)) > 1 ? base(o) + "." + o.getMetadata().getNamespace() : base(o);
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, client.getKubernetesSerialization().asYaml(o));
        written.add(file);
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String base(GenericKubernetesResource o) {
    return o.getKind().toLowerCase(Locale.ROOT) + "-" + o.getMetadata().getName();
  }
}
