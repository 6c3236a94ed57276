package dev.canarykit.core.model;

import java.util.Optional;

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
