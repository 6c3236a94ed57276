package dev.canarykit.k8s.alert;

import dev.canarykit.core.model.AlertSpec.Severity;
import java.util.Map;

/**
 * One alert as every payload format sees it.
 *
 * @param name the Canary's name
 * @param namespace the Canary's namespace
 * @param text the alert text
 * @param fields ordered fields: {@code Cluster} first when configured, then the machine's metadata fields
 * @param severity the alert's severity
 */
record AlertMessage(String name, String namespace, String text, Map<String, String> fields, Severity severity) {

  /** {@code <name>.<namespace>}, the subtitle every chat format shows. */
  String qualifiedName() {
    return name + "." + namespace;
  }

  boolean isError() {
    return severity == Severity.ERROR;
  }
}
