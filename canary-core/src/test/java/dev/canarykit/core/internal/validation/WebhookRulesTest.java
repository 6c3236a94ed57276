package dev.canarykit.core.internal.validation;

import static dev.canarykit.core.internal.validation.Seed.assertSingle;
import static dev.canarykit.core.internal.validation.Seed.assertValid;
import static dev.canarykit.core.internal.validation.Seed.withWebhook;

import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.model.WebhookSpec.WebhookType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookRulesTest {
  private static final String W = "spec.analysis.webhooks[2]";
  private static final String URL = "http://flagger-loadtester.test/gate/approve";

  @ParameterizedTest
  @EnumSource(WebhookType.class)
  void everyTypeIsAccepted(WebhookType type) {
    assertValid(withWebhook(WebhookSpec.of("gate", type, URL)));
  }

  @Test
  void nameIsRequired() {
    assertSingle(withWebhook(hook(null, "rollout", URL, null, null)), W + ".name", null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"pre-rollot", "Rollout", "confirm"})
  void typeMustBeKnown(String type) {
    assertSingle(withWebhook(hook("gate", type, URL, null, null)), W + ".type", type);
  }

  @Test
  void urlIsRequired() {
    assertSingle(withWebhook(hook("gate", null, null, null, null)), W + ".url", null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"flagger-loadtester.test/", "/gate", "ftp://host/x", "http://", "http:/x", "not a url",
      "mailto:ops@example.com"})
  void urlMustBeAbsoluteHttpWithHost(String url) {
    assertSingle(withWebhook(hook("gate", null, url, null, null)), W + ".url", url);
  }

  @Test
  void httpsAndPortsAreAccepted() {
    assertValid(withWebhook(hook("gate", null, "https://gate.example.com:8443/approve?x=1", "1m30s", 3)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"30", "thirty seconds", "-5s", "1d"})
  void timeoutMustBeNonNegativeGoDuration(String timeout) {
    assertSingle(withWebhook(hook("gate", null, URL, timeout, null)), W + ".timeout", timeout);
  }

  @Test
  void retriesMustNotBeNegative() {
    assertSingle(withWebhook(hook("gate", null, URL, null, -1)), W + ".retries", -1);
    assertValid(withWebhook(hook("gate", null, URL, null, 0)));
  }

  private static WebhookSpec hook(String name, String type, String url, String timeout, Integer retries) {
    return WebhookSpec.builder(name, url).type(type).timeout(timeout).retries(retries).build();
  }
}
