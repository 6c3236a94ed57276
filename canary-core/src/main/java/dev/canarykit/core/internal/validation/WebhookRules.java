package dev.canarykit.core.internal.validation;

import dev.canarykit.core.internal.GoDuration;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.model.WebhookSpec.WebhookType;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Rules for one {@code spec.analysis.webhooks[i]}: name, type, URL, timeout and retries. */
final class WebhookRules {
  private static final String TYPES =
      Arrays.stream(WebhookType.values()).map(WebhookType::wireName).collect(Collectors.joining(", "));

  private WebhookRules() {}

  static void check(WebhookSpec w, Violations v) {
    v.missing("name", w.name());
    if (w.unreadable().containsKey("type")) {
      v.add("type", w.unreadable().get("type"), "must be one of " + TYPES + " (empty means rollout)");
    }
    if (!v.missing("url", w.url()) && !Names.isHttpUrl(w.url())) {
      v.add("url", w.url(), "must be an absolute http or https URL with a host, e.g. http://flagger-loadtester.test/");
    }
    checkTimeout(w, v);
    v.atLeast("retries", w.retries(), 0);
  }

  private static void checkTimeout(WebhookSpec w, Violations v) {
    String unreadable = w.unreadable().get("timeout");
    if (unreadable != null) {
      v.add("timeout", unreadable, "must be a Go duration such as 10s, 1m or 1m30s (empty means 10s)");
    } else if (w.timeout() != null && w.timeout().isNegative()) {
      v.add("timeout", GoDuration.format(w.timeout()), "must not be negative");
    }
  }
}
