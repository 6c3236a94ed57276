package dev.canarykit.core.model;

import dev.canarykit.core.internal.GoDuration;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook of the analysis ({@code analysis.webhooks[]}). The type and timeout are read once, when the spec is
 * built; text that cannot be read is kept in {@code unreadable} for validation to report (mapping a resource never
 * fails, see {@code docs/decisions.md}).
 *
 * @param name the hook's name (required)
 * @param type the hook type ({@link WebhookType#ROLLOUT} when the field is empty), or {@code null} when its text is
 *     not a type (see {@code unreadable})
 * @param url the absolute http(s) URL (required)
 * @param timeout the per-attempt timeout, or {@code null} for 10s
 * @param retries attempts after the first, or {@code null} for 0
 * @param metadata string metadata sent with the payload
 * @param muteAlert whether a gate's waiting alert is suppressed
 * @param disableTLS whether certificate and host checks are skipped for this hook
 * @param unreadable the text of each field that could not be read, by field name ({@code type}, {@code timeout});
 *     empty for a hook built from typed values
 */
public record WebhookSpec(
    String name,
    WebhookType type,
    String url,
    Duration timeout,
    Integer retries,
    Map<String, String> metadata,
    boolean muteAlert,
    boolean disableTLS,
    Map<String, String> unreadable) {

  public WebhookSpec {
    metadata = Maps.copy(metadata);
    unreadable = Maps.copy(unreadable);
  }

  /** A hook of {@code type} at {@code url} with defaults otherwise. */
  public static WebhookSpec of(String name, WebhookType type, String url) {
    return builder(name, url).type(type).build();
  }

  /** Starts a builder for a rollout hook named {@code name} at {@code url}. */
  public static Builder builder(String name, String url) {
    return new Builder(name, url);
  }

  /** Whether this hook is of {@code t}. */
  public boolean is(WebhookType t) {
    return type == t;
  }

  /** A builder initialised with this hook's values. */
  public Builder toBuilder() {
    Builder b = new Builder(name, url).type(type).timeout(timeout).retries(retries).metadata(metadata)
        .muteAlert(muteAlert).disableTLS(disableTLS);
    b.unreadable.putAll(unreadable);
    return b;
  }

  /** Builds a {@link WebhookSpec}; values are checked by validation, not here. */
  public static final class Builder {
    private final String name;
    private final String url;
    private WebhookType type = WebhookType.ROLLOUT;
    private Duration timeout;
    private Integer retries;
    private Map<String, String> metadata = Map.of();
    private boolean muteAlert;
    private boolean disableTLS;
    private final Map<String, String> unreadable = new LinkedHashMap<>();

    private Builder(String name, String url) {
      this.name = name;
      this.url = url;
    }

    /** The type; default {@link WebhookType#ROLLOUT}. */
    public Builder type(WebhookType v) {
      type = Objects.requireNonNullElse(v, WebhookType.ROLLOUT);
      unreadable.remove("type");
      return this;
    }

    /**
     * The type as written ({@code confirm-rollout}, ...); {@code null} or empty is {@link WebhookType#ROLLOUT}.
     * Other text leaves the type unset and is kept for validation to report.
     */
    public Builder type(String text) {
      unreadable.remove("type");
      type = WebhookType.fromWire(text).orElse(null);
      if (type == null) {
        unreadable.put("type", text);
      }
      return this;
    }

    /** The per-attempt timeout ({@code null}: 10s). */
    public Builder timeout(Duration v) {
      timeout = v;
      unreadable.remove("timeout");
      return this;
    }

    /**
     * The per-attempt timeout as a Go duration ({@code 30s}); {@code null} or text shorter than two characters is
     * unset (10s), as in Flagger. Other text that is not a Go duration leaves it unset and is kept for validation
     * to report.
     */
    public Builder timeout(String goDuration) {
      timeout = null;
      unreadable.remove("timeout");
      if (goDuration != null && goDuration.length() >= 2) {
        GoDuration.parse(goDuration).ifPresentOrElse(d -> timeout = d, () -> unreadable.put("timeout", goDuration));
      }
      return this;
    }

    /** Attempts after the first ({@code null}: none). */
    public Builder retries(Integer v) {
      retries = v;
      return this;
    }

    /** String metadata sent with the payload. */
    public Builder metadata(Map<String, String> v) {
      metadata = v;
      return this;
    }

    /** Whether a gate's waiting alert is suppressed. */
    public Builder muteAlert(boolean v) {
      muteAlert = v;
      return this;
    }

    /** Whether certificate and host checks are skipped for this hook. */
    public Builder disableTLS(boolean v) {
      disableTLS = v;
      return this;
    }

    public WebhookSpec build() {
      return new WebhookSpec(name, type, url, timeout, retries, metadata, muteAlert, disableTLS, unreadable);
    }
  }

  /** Webhook types and when they run (see docs/flagger-compatibility.md §1.14). */
  public enum WebhookType {
    CONFIRM_ROLLOUT("confirm-rollout"),
    PRE_ROLLOUT("pre-rollout"),
    ROLLOUT("rollout"),
    CONFIRM_TRAFFIC_INCREASE("confirm-traffic-increase"),
    CONFIRM_PROMOTION("confirm-promotion"),
    POST_ROLLOUT("post-rollout"),
    ROLLBACK("rollback"),
    EVENT("event");

    private final String wireName;

    WebhookType(String wireName) {
      this.wireName = wireName;
    }

    /** The name used in YAML. */
    public String wireName() {
      return wireName;
    }

    /** Parses a YAML type; {@code null} or empty is {@link #ROLLOUT}. */
    public static Optional<WebhookType> fromWire(String s) {
      if (s == null || s.isEmpty()) {
        return Optional.of(ROLLOUT);
      }
      for (WebhookType t : values()) {
        if (t.wireName.equals(s)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }
}
