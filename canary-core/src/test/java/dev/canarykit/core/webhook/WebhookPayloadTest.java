package dev.canarykit.core.webhook;

import static dev.canarykit.core.webhook.WebhookFixtures.CANARY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.model.WebhookSpec.WebhookType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exact bodies Flagger's {@code CanaryWebhookPayload} marshals to. */
class WebhookPayloadTest {

  private static String json(WebhookType type, Phase phase, Map<String, String> metadata) {
    WebhookSpec hook = WebhookFixtures.hook(type, "http://flagger-loadtester.test/", null, metadata);
    return WebhookPayload.of(CANARY, new Command.CallWebhook(hook, phase, "3f2a9c0b1d4e5f60")).toJson();
  }

  @ParameterizedTest
  @CsvSource({
      "CONFIRM_ROLLOUT, WAITING, Waiting",
      "CONFIRM_ROLLOUT, SUCCEEDED, Succeeded",
      "PRE_ROLLOUT, PROGRESSING, Progressing",
      "ROLLOUT, PROGRESSING, Progressing",
      "CONFIRM_PROMOTION, WAITING_PROMOTION, WaitingPromotion",
      "ROLLBACK, WAITING_PROMOTION, WaitingPromotion",
      "POST_ROLLOUT, SUCCEEDED, Succeeded",
      "POST_ROLLOUT, FAILED, Failed",
      "EVENT, INITIALIZED, Initialized"})
  void withoutMetadataTheMemberIsOmitted(WebhookType type, Phase phase, String wire) {
    assertThat(json(type, phase, Map.of())).isEqualTo("{\"name\":\"podinfo\",\"namespace\":\"test\",\"phase\":\""
        + wire + "\",\"checksum\":\"3f2a9c0b1d4e5f60\"}");
  }

  @Test
  void metadataKeysAreSortedAsGoSortsMapKeys() {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("type", "bash");
    metadata.put("cmd", "curl -sd 'test' http://podinfo-canary:9898/token | grep token");
    assertThat(json(WebhookType.PRE_ROLLOUT, Phase.PROGRESSING, metadata)).isEqualTo(
        "{\"name\":\"podinfo\",\"namespace\":\"test\",\"phase\":\"Progressing\",\"checksum\":\"3f2a9c0b1d4e5f60\","
            + "\"metadata\":{\"cmd\":\"curl -sd 'test' http://podinfo-canary:9898/token | grep token\","
            + "\"type\":\"bash\"}}");
  }

  @Test
  void stringsAreEscapedAsGoEscapesThem() {
    String body = json(WebhookType.ROLLOUT, Phase.PROGRESSING,
        Map.of("cmd", "a && b > \"c\" <d>\\\n\tü\u0001\u2028"));
    assertThat(body).endsWith("\"metadata\":{\"cmd\":\"a \\u0026\\u0026 b \\u003e \\\"c\\\" \\u003cd\\u003e\\\\\\n\\tü"
        + "\\u0001\\u2028\"}}");
  }

  @Test
  void anUnknownPhaseIsEmpty() {
    assertThat(json(WebhookType.EVENT, null, Map.of())).contains("\"phase\":\"\"");
  }
}
