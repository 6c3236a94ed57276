package dev.canarykit.core.model;

import java.util.Map;

/**
 * A webhook of the analysis ({@code analysis.webhooks[]}).
 *
 * @param name the hook's name (required)
 * @param type the hook type; {@code null} or empty means {@link WebhookType#ROLLOUT}
 * @param url the absolute http(s) URL (required)
 * @param timeout per-attempt timeout (Go duration), or {@code null} for 10s
 * @param retries attempts after the first, or {@code null} for 0
 * @param metadata string metadata sent with the payload
 * @param muteAlert whether a gate's waiting alert is suppressed
 * @param disableTLS whether certificate and host checks are skipped for this hook
 */
public record WebhookSpec(
    String name,
    String type,
    String url,
    String timeout,
    Integer retries,
    Map<String, String> metadata,
    boolean muteAlert,
    boolean disableTLS) {

  public WebhookSpec {
    metadata = Maps.copy(metadata);
  }

  /** A hook of {@code type} at {@code url} with defaults otherwise. */
  public static WebhookSpec of(String name, WebhookType type, String url) {
    return new WebhookSpec(name, type.wireName(), url, null, null, Map.of(), false, false);
  }

  /** The parsed type, or {@code null} when the type is unknown (a validation error). */
  public WebhookType typeOrNull() {
    return WebhookType.fromWire(type).orElse(null);
  }

  /** Whether this hook is of {@code t}. */
  public boolean is(WebhookType t) {
    return typeOrNull() == t;
  }
}
