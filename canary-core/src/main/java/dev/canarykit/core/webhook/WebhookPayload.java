package dev.canarykit.core.webhook;

import dev.canarykit.core.internal.JsonWriter;
import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.model.Canary;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The body Flagger posts to a webhook ({@code CanaryWebhookPayload}):
 * {@code {"name","namespace","phase","checksum","metadata"?}}.
 *
 * @param name the Canary's name
 * @param namespace the Canary's namespace
 * @param phase the phase's wire name ({@code Progressing}), empty when unknown
 * @param checksum the revision checksum
 * @param metadata the hook's metadata; omitted from the JSON when empty
 */
record WebhookPayload(
    String name, String namespace, String phase, String checksum, Map<String, String> metadata) {

  public WebhookPayload {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(namespace, "namespace == null");
    phase = phase == null ? "" : phase;
    checksum = checksum == null ? "" : checksum;
    metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metadata));
  }

  /** The payload of {@code call} about {@code canary}: the command's phase and checksum, the hook's metadata. */
  public static WebhookPayload of(Canary canary, Command.CallWebhook call) {
    String phase = call.phase() == null ? "" : call.phase().wireName();
    return new WebhookPayload(canary.name(), canary.namespace(), phase, call.checksum(), call.hook().metadata());
  }

  /** The JSON body: members in Flagger's order, metadata keys sorted, no whitespace. */
  public String toJson() {
    JsonWriter json = JsonWriter.goCompatible().beginObject().name("name").value(name)
        .name("namespace").value(namespace).name("phase").value(phase).name("checksum").value(checksum);
    if (!metadata.isEmpty()) {
      json.name("metadata").tree(metadata);
    }
    return json.endObject().text();
  }
}
