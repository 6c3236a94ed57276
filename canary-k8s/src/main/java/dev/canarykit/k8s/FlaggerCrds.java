package dev.canarykit.k8s;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The CustomResourceDefinitions of {@code Canary}, {@code MetricTemplate} and {@code AlertProvider} shipped in
 * this jar under {@value #DIRECTORY}, for clusters without Flagger.
 *
 * <pre>{@code
 * FlaggerCrds.load(client.getKubernetesSerialization())
 *     .forEach(crd -> client.apiextensions().v1().customResourceDefinitions().resource(crd).serverSideApply());
 * }</pre>
 *
 * <p>Never install them where Flagger runs, and never let Flagger and canarykit drive the same Canary: both would
 * move the same routes and write the same status.
 */
public final class FlaggerCrds {
  /** Where the manifests live on the class path. */
  public static final String DIRECTORY = "META-INF/canarykit/crds/";
  /** The manifest file names, one CRD each. */
  public static final List<String> FILES = List.of(
      "canaries.flagger.app.yaml", "metrictemplates.flagger.app.yaml", "alertproviders.flagger.app.yaml");

  private FlaggerCrds() {}

  /**
   * Loads the three CRDs.
   *
   * @param serialization the client's serialization ({@code client.getKubernetesSerialization()})
   * @throws UncheckedIOException if a manifest is missing from the class path
   */
  public static List<CustomResourceDefinition> load(KubernetesSerialization serialization) {
    return FILES.stream().map(f -> load(serialization, f)).toList();
  }

  private static CustomResourceDefinition load(KubernetesSerialization serialization, String file) {
    try (InputStream in = FlaggerCrds.class.getClassLoader().getResourceAsStream(DIRECTORY + file)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("missing class-path resource " + DIRECTORY + file));
      }
      return serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
