package dev.canarykit.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Alert;
import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.internal.Hashes;
import dev.canarykit.core.model.AlertSpec.Severity;
import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.model.WebhookSpec.WebhookType;
import dev.canarykit.core.port.WebhookClient;
import dev.canarykit.core.testing.ManualClock;
import dev.canarykit.core.testing.RecordingEventSink;
import dev.canarykit.core.webhook.LoopbackServer.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventWebhookSinkTest {
  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00.123Z");
  private static final CanaryStatus STATUS = CanaryStatus.initial().toBuilder().phase(Phase.PROGRESSING)
      .lastAppliedSpec("5f1c2d3e4a5b6c7d").trackedConfigs(Map.of("configmap/podinfo", "0a1b2c3d4e5f6a7b")).build();

  private final RecordingEventSink delegate = new RecordingEventSink();
  private final List<Command.CallWebhook> calls = new ArrayList<>();
  private Outcome.OkResult answer = Outcome.OK;
  private final WebhookClient recording = (canary, call) -> {
    calls.add(call);
    return answer;
  };

  private static Canary canaryWith(WebhookSpec... hooks) {
    Canary base = WebhookFixtures.CANARY;
    AnalysisSpec a = base.spec().analysisOrEmpty().toBuilder().webhooks(List.of(hooks)).build();
    return new Canary(base.name(), base.namespace(), base.spec().toBuilder().analysis(a).build());
  }

  private EventWebhookSink sink(String globalUrl) {
    return EventWebhookSink.builder(delegate, recording).clock(ManualClock.of(NOW)).globalUrl(globalUrl).build();
  }

  @Test
  void eventMetadataWinsOverTheHooksOwn() {
    WebhookSpec hook = WebhookFixtures.hook(WebhookType.EVENT, "http://events.test/", "5s",
        Map.of("eventType", "spoofed", "timestamp", "0", "team", "payments"));
    sink(null).event(canaryWith(hook), STATUS, CanaryEvent.warning("Halt advancement"));
    assertThat(calls).hasSize(1);
    Command.CallWebhook c = calls.get(0);
    assertThat(c.hook().metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("eventMessage", "Halt advancement",
        "eventType", "Warning", "timestamp", Long.toString(NOW.toEpochMilli()), "team", "payments"));
    assertThat(c.phase()).isEqualTo(Phase.PROGRESSING);
    assertThat(c.checksum()).isEqualTo(Hashes.webhookChecksum(STATUS.lastAppliedSpec(), STATUS.trackedConfigs()));
    assertThat(c.hook().timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(delegate.messages()).containsExactly("Warning  Halt advancement");
  }

  @Test
  void onlyEventHooksReceiveEvents() {
    WebhookSpec rollout = WebhookFixtures.hook(WebhookType.ROLLOUT, "http://load.test/", null, Map.of());
    WebhookSpec events = WebhookFixtures.hook(WebhookType.EVENT, "http://events.test/", null, Map.of());
    sink("http://global.test/").event(canaryWith(rollout, events, events), STATUS, CanaryEvent.info("hello"));
    assertThat(calls).extracting(c -> c.hook().url()).containsExactly("http://events.test/", "http://events.test/");
    assertThat(calls.get(0).hook().metadata()).containsEntry("eventType", "Normal");
  }

  @Test
  void theGlobalWebhookServesCanariesWithoutEventHooks() {
    WebhookSpec rollout = WebhookFixtures.hook(WebhookType.ROLLOUT, "http://load.test/", null, Map.of());
    sink("http://global.test/").event(canaryWith(rollout), STATUS, CanaryEvent.info("hello"));
    assertThat(calls).extracting(c -> c.hook().name() + " " + c.hook().url())
        .containsExactly("events http://global.test/");
    calls.clear();
    sink(null).event(canaryWith(rollout), STATUS, CanaryEvent.info("hello"));
    assertThat(calls).isEmpty();
  }

  @Test
  void withoutAStatusThePhaseIsUnknown() {
    sink("http://global.test/").event(WebhookFixtures.CANARY, CanaryEvent.info("hello"));
    assertThat(calls.get(0).phase()).isNull();
    assertThat(calls.get(0).checksum()).isEqualTo(Hashes.webhookChecksum("", Map.of()));
  }

  @Test
  void failuresAreCountedAndReportedWithoutMetadata() {
    List<String> reported = new ArrayList<>();
    answer = new Outcome.Failed("Forbidden");
    EventWebhookSink sink = EventWebhookSink.builder(delegate, recording).globalUrl("http://global.test/")
        .onFailure((canary, message) -> reported.add(message)).build();
    sink.event(WebhookFixtures.CANARY, STATUS, CanaryEvent.info("secret-free text"));
    assertThat(sink.failures()).isEqualTo(1);
    assertThat(reported).containsExactly("event webhook events failed: Forbidden");
    assertThat(delegate.events()).hasSize(1);
  }

  @Test
  void aClientThatThrowsIsAFailedPostAndTheEventStillReachesTheDelegate() {
    List<String> reported = new ArrayList<>();
    WebhookClient throwing = (canary, call) -> {
      throw new IllegalStateException("client bug");
    };
    EventWebhookSink sink = EventWebhookSink.builder(delegate, throwing).globalUrl("http://global.test/")
        .onFailure((canary, message) -> reported.add(message)).build();
    sink.event(WebhookFixtures.CANARY, STATUS, CanaryEvent.info("text"));
    assertThat(sink.failures()).isEqualTo(1);
    assertThat(reported).containsExactly("event webhook events failed: IllegalStateException");
    assertThat(delegate.events()).hasSize(1);
  }

  @Test
  void alertsGoToTheDelegateOnly() {
    sink("http://global.test/").alert(WebhookFixtures.CANARY, new Alert(Severity.INFO, "Canary promoted", Map.of()));
    assertThat(calls).isEmpty();
    assertThat(delegate.alertMessages()).containsExactly("Canary promoted");
  }

  @Test
  void thePostedBodyOverHttp() {
    try (LoopbackServer server = LoopbackServer.http(Response.of(202, ""))) {
      WebhookSpec hook = WebhookFixtures.hook(WebhookType.EVENT, server.url("/events"), null, Map.of("env", "prod"));
      EventWebhookSink sink = EventWebhookSink.builder(delegate, HttpWebhookClient.builder().build())
          .clock(ManualClock.of(NOW)).build();
      sink.event(canaryWith(hook), STATUS, CanaryEvent.info("New revision detected! Scaling up podinfo.test"));
      assertThat(sink.failures()).isZero();
      assertThat(server.requests().get(0).body()).isEqualTo("{\"name\":\"podinfo\",\"namespace\":\"test\","
          + "\"phase\":\"Progressing\",\"checksum\":\"" + Hashes.webhookChecksum(STATUS.lastAppliedSpec(),
              STATUS.trackedConfigs()) + "\",\"metadata\":{\"env\":\"prod\",\"eventMessage\":\"New revision "
          + "detected! Scaling up podinfo.test\",\"eventType\":\"Normal\",\"timestamp\":\"1714557600123\"}}");
    }
  }
}
