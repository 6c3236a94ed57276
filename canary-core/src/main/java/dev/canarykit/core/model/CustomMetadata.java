package dev.canarykit.core.model;

import java.util.Map;

/**
 * Labels and annotations added to a generated object ({@code service.apex}, {@code service.primary},
 * {@code service.canary}).
 *
 * @param labels labels to add, never {@code null}
 * @param annotations annotations to add, never {@code null}
 */
public record CustomMetadata(Map<String, String> labels, Map<String, String> annotations) {
  /** No labels and no annotations. */
  public static final CustomMetadata EMPTY = new CustomMetadata(Map.of(), Map.of());

  public CustomMetadata {
    labels = Maps.copy(labels);
    annotations = Maps.copy(annotations);
  }
}
