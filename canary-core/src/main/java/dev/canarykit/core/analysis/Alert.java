package dev.canarykit.core.analysis;

import dev.canarykit.core.model.AlertSpec.Severity;
import java.util.Map;

/**
 * A notification for the Canary's alert routes.
 *
 * @param severity info, warn or error
 * @param message Flagger's alert text
 * @param fields extra fields (Target, Failed checks threshold, Progress deadline, Traffic routing), possibly empty
 */
public record Alert(Severity severity, String message, Map<String, String> fields) {
  public Alert {
    fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }
}
