package dev.canarykit.core.internal.validation;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.ServiceSpec.CustomMetadata;
import java.util.Map;

/** Rules for {@code metadata} and for label/annotation maps ({@code service.apex|primary|canary}). */
final class MetadataRules {
  private MetadataRules() {}

  /** {@code metadata.name} is a Kubernetes name; {@code metadata.namespace} an RFC 1123 label. */
  static void check(Canary canary, Violations v) {
    Violations meta = v.at("metadata");
    if (!meta.missing("name", canary.name()) && !Names.isSubdomain(canary.name())) {
      meta.add("name", canary.name(), "must be a Kubernetes name (RFC 1123 subdomain): lowercase letters, digits,"
          + " '-' and '.', starting and ending with a letter or digit, at most 253 characters");
    }
    if (!Names.isLabel(canary.namespace())) {
      meta.add("namespace", canary.namespace(), "must be an RFC 1123 label: lowercase letters, digits and '-',"
          + " starting and ending with a letter or digit, at most 63 characters");
    }
  }

  /** Label keys and values, and annotation keys, of generated objects. */
  static void checkCustom(CustomMetadata metadata, Violations v) {
    checkLabels(metadata.labels(), v.at("labels"));
    metadata.annotations().keySet().forEach(k -> checkKey(k, v.at("annotations")));
  }

  private static void checkLabels(Map<String, String> labels, Violations v) {
    labels.forEach((k, value) -> {
      if (checkKey(k, v) && value != null && !Names.isLabelValue(value)) {
        v.add(k, value, "must be a label value: empty, or at most 63 letters, digits, '-', '_' and '.',"
            + " starting and ending with a letter or digit");
      }
    });
  }

  private static boolean checkKey(String key, Violations v) {
    boolean ok = Names.isQualifiedName(key);
    if (!ok) {
      v.add(key, key, "must be a qualified name: an optional DNS prefix and '/', then at most 63 letters, digits,"
          + " '-', '_' and '.', starting and ending with a letter or digit");
    }
    return ok;
  }
}
