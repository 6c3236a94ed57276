package dev.canarykit.core.judge;

import java.util.Objects;

/**
 * Where requests came from, as Istio's destination telemetry labels it: {@code source_workload_namespace} and
 * {@code source_workload}. Istio writes {@code unknown} for a client outside the mesh.
 *
 * @param namespace the client workload's namespace ({@code ""} when unknown)
 * @param workload the client workload's name
 */
public record Source(String namespace, String workload) implements Comparable<Source> {
  /** Counts that carry no source (a source that cannot tell, or pooled counts). */
  public static final Source UNKNOWN = new Source("", "unknown");

  public Source {
    namespace = namespace == null ? "" : namespace;
    Objects.requireNonNull(workload, "workload == null");
  }

  /** Whether this source is named by {@code name}: a workload name, or {@code <namespace>/<workload>}. */
  public boolean isNamedBy(String name) {
    int slash = name.indexOf('/');
    return slash < 0 ? workload.equals(name)
        : namespace.equals(name.substring(0, slash)) && workload.equals(name.substring(slash + 1));
  }

  @Override
  public int compareTo(Source o) {
    int c = namespace.compareTo(o.namespace);
    return c != 0 ? c : workload.compareTo(o.workload);
  }

  @Override
  public String toString() {
    return namespace.isEmpty() ? workload : namespace + "/" + workload;
  }
}
