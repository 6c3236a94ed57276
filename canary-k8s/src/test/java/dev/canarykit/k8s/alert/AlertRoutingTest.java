package dev.canarykit.k8s.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.analysis.Alert;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.ContractFixtures;
import dev.canarykit.core.port.SecretResolver.SecretLookup;
import dev.canarykit.core.testing.InMemorySecretResolver;
import dev.canarykit.core.webhook.AsyncEventSink;
import dev.canarykit.k8s.AlertProvider;
import dev.canarykit.k8s.AlertProviderType;
import dev.canarykit.k8s.alert.AlertDelivery.Reason;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Severity routing, the global notifier, typed failures, redaction and posting off the tick. */
class AlertRoutingTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final InMemorySecretResolver secrets = new InMemorySecretResolver();
  private Receiver receiver;
  private List<AlertProvider> providers;

  @BeforeEach
  void start() throws Exception {
    receiver = new Receiver();
    providers = new ArrayList<>();
    for (String name : List.of("info", "warn", "error", "empty")) {
      providers.add(new AlertProvider(name, "test", "generic", null, null, null, receiver.url("/" + name), null));
    }
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private AlertDispatcher.Builder dispatcher() {
    return AlertDispatcher.builder(http).providers(AlertProviderLookup.of(providers)).secrets(secrets);
  }

  private List<String> received(AlertDispatcher d, Canary canary, Alert alert) {
    List<AlertDelivery> out = d.deliver(canary, alert);
    List<String> paths = new ArrayList<>();
    for (AlertDelivery ignored : out) {
      paths.add(receiver.requests.poll().path());
    }
    return paths;
  }

  @Test
  void infoTakesAllWarnTakesWarnAndErrorErrorTakesErrorAndEmptyMeansInfo() {
    Canary canary = Alerts.withRoutes(Alerts.route("i", "info", "info"), Alerts.route("w", "warn", "warn"),
        Alerts.route("e", "error", "error"), Alerts.route("d", "", "empty"));
    AlertDispatcher d = dispatcher().build();
    assertThat(received(d, canary, Alerts.INITIALIZED)).containsExactly("/info", "/empty");
    assertThat(received(d, canary, Alerts.WAITING)).containsExactly("/info", "/warn", "/empty");
    assertThat(received(d, canary, Alerts.FAILED)).containsExactly("/info", "/warn", "/error", "/empty");
    assertThat(d.sent()).isEqualTo(9);
    assertThat(d.failures()).isZero();
  }

  @Test
  void aCanaryWithoutRoutesUsesTheGlobalNotifierForEverySeverity() throws Exception {
    Canary plain = ContractFixtures.canary();
    AlertDispatcher none = dispatcher().build();
    assertThat(none.deliver(plain, Alerts.FAILED)).isEmpty();
    AlertDispatcher global = dispatcher()
        .globalNotifier(AlertTarget.of(AlertProviderType.MSTEAMS, URI.create(receiver.url("/global")))).build();
    assertThat(global.deliver(plain, Alerts.INITIALIZED)).containsExactly(new AlertDelivery.Sent("global", 200));
    assertThat(receiver.requests.poll().body()).startsWith("{\"@type\":\"MessageCard\"");
    Canary routed = Alerts.withRoutes(Alerts.route("e", "error", "error"));
    assertThat(global.deliver(routed, Alerts.WAITING)).as("routes replace the global notifier").isEmpty();
  }

  @Test
  void theProviderIsLookedUpInTheRoutesNamespaceAndItsSecretInTheProvidersNamespace() {
    secrets.put("flagger", "hook", Map.of("address", receiver.url("/shared")));
    providers.add(new AlertProvider("shared", "flagger", "slack", null, null, null, null, "hook"));
    Canary canary = Alerts.withRoutes(new dev.canarykit.core.model.AlertSpec("s", "info",
        new dev.canarykit.core.model.AlertSpec.ProviderRef("shared", "flagger")));
    assertThat(dispatcher().build().deliver(canary, Alerts.WAITING))
        .containsExactly(new AlertDelivery.Sent("shared.flagger", 200));
  }

  @Test
  void everyProblemIsATypedCountedFailureAndNeverAnException() {
    secrets.put("test", "no-address", Map.of("token", "tok-1"));
    providers.add(new AlertProvider("secretless", "test", "slack", null, null, null, null, "missing"));
    providers.add(new AlertProvider("addressless", "test", "slack", null, null, null, null, "no-address"));
    providers.add(new AlertProvider("pager", "test", "pagerduty", null, null, null, receiver.url("/p"), null));
    providers.add(new AlertProvider("nowhere", "test", "slack", null, null, null, null, null));
    providers.add(new AlertProvider("broken", "test", "slack", null, null, null, "hooks.slack.com/x", null));
    providers.add(new AlertProvider("rejects", "test", "slack", null, null, null, receiver.url("/gone"), null));
    receiver.statuses.put("/gone", 404);
    List<AlertDelivery> seen = new ArrayList<>();
    AlertDispatcher d = dispatcher().onDelivery(seen::add).build();
    Canary canary = Alerts.withRoutes(Alerts.route("a", "info", "absent"), Alerts.route("b", "info", "secretless"),
        Alerts.route("c", "info", "addressless"), Alerts.route("d", "info", "pager"),
        Alerts.route("e", "info", "nowhere"), Alerts.route("f", "info", "broken"),
        Alerts.route("g", "info", "rejects"), Alerts.route("h", "info", "info"));
    d.alert(canary, Alerts.FAILED);
    assertThat(seen).extracting(x -> x instanceof AlertDelivery.Failed f ? f.reason().name() : "SENT")
        .containsExactly("PROVIDER_NOT_FOUND", "SECRET_NOT_FOUND", "SECRET_WITHOUT_ADDRESS", "PROVIDER_INVALID",
            "PROVIDER_INVALID", "PROVIDER_INVALID", "REJECTED", "SENT");
    assertThat(seen).filteredOn(x -> x instanceof AlertDelivery.Failed).extracting(x -> ((AlertDelivery.Failed) x)
        .message()).containsExactly(
            "alert provider absent.test does not exist",
            "alert provider secretless.test secret test/missing not found",
            "alert provider addressless.test secret test/no-address does not contain an address",
            "alert provider pager.test has an unsupported spec.type pagerduty",
            "alert provider nowhere.test has no address",
            "alert provider broken.test address is not an absolute http(s) URL",
            "alert provider rejects.test answered HTTP 404: no such hook token-123");
    assertThat(d.failures()).isEqualTo(7);
    assertThat(d.failures(Reason.PROVIDER_INVALID)).isEqualTo(3);
    assertThat(d.sent()).isEqualTo(1);
  }

  @Test
  void aThrowingDeliveryHandlerIsCountedAndEveryRouteIsStillServed() {
    Canary canary = Alerts.withRoutes(Alerts.route("i", "info", "info"), Alerts.route("w", "warn", "warn"));
    AlertDispatcher d = dispatcher().onDelivery(x -> {
      throw new IllegalStateException("handler down");
    }).build();
    assertThat(received(d, canary, Alerts.WAITING)).containsExactly("/info", "/warn");
    assertThat(d.sent()).isEqualTo(2);
    assertThat(d.handlerFailures()).isEqualTo(2);
  }

  @Test
  void secretFailuresAndUnreachableReceiversAreTyped() throws Exception {
    providers.add(new AlertProvider("locked", "test", "slack", null, null, null, null, "locked"));
    String closed = receiver.url("/down");
    receiver.close();
    providers.add(new AlertProvider("down", "test", "gchat", null, null, null, closed, null));
    AlertDispatcher d = dispatcher().secrets((ns, name) -> new SecretLookup.Failed(
        "secret " + ns + "/" + name + " could not be read: HTTP 403")).build();
    List<AlertDelivery> out = d.deliver(Alerts.withRoutes(Alerts.route("l", "info", "locked"),
        Alerts.route("d", "info", "down")), Alerts.WAITING);
    assertThat(out).containsExactly(
        new AlertDelivery.Failed("locked.test", Reason.SECRET_FAILED,
            "alert provider locked.test secret test/locked could not be read: HTTP 403"),
        new AlertDelivery.Failed("down.test", Reason.UNREACHABLE,
            "alert provider down.test could not be reached: ConnectException"));
    receiver = new Receiver();
  }

  @Test
  void credentialsNeverShowInMessagesOrToString() {
    secrets.put("test", "slack-url", Map.of("address", receiver.url("/services/SECRETPATH"), "token", "token-123"));
    providers.add(new AlertProvider("s", "test", "slack", null, null, null, null, "slack-url"));
    receiver.statuses.put("/services/SECRETPATH", 403);
    List<AlertDelivery> out = dispatcher().build().deliver(Alerts.withRoutes(Alerts.route("s", "info", "s")),
        Alerts.FAILED);
    assertThat(out).singleElement().hasToString(
        "Failed[route=s.test, reason=REJECTED, message=alert provider s.test answered HTTP 403: no such hook ***]");
    AlertTarget t = new AlertTarget(AlertProviderType.SLACK, URI.create("https://hooks.slack.com/services/SECRET"),
        "token-123", null, null, URI.create("http://user:pw@proxy:3128"));
    assertThat(t.toString()).doesNotContain("SECRET", "token-123", "pw", "hooks.slack.com")
        .isEqualTo("AlertTarget[type=slack, channel=general, username=flagger, token=***, proxy=set]");
  }

  @Test
  void aBlockedReceiverNeverHoldsTheCallerWhenWrappedInTheAsyncSink() throws Exception {
    receiver.gate = new CountDownLatch(1);
    AlertDispatcher d = dispatcher().build();
    Canary canary = Alerts.withRoutes(Alerts.route("i", "info", "info"));
    try (AsyncEventSink sink = AsyncEventSink.builder(d).build()) {
      sink.alert(canary, Alerts.INITIALIZED);
      sink.alert(canary, Alerts.FAILED);
      assertThat(d.sent()).as("the caller returned while the receiver is blocked").isZero();
      receiver.gate.countDown();
      await().atMost(10, TimeUnit.SECONDS).until(() -> d.sent() == 2);
    }
    assertThat(receiver.requests).extracting(Receiver.Request::path).containsExactly("/info", "/info");
  }

  @Test
  void aProviderProxyIsUsed() throws Exception {
    try (Receiver proxy = new Receiver()) {
      providers.add(new AlertProvider("via", "test", "generic", null, null, proxy.url(""),
          "http://alerts.example.invalid/hook", null));
      List<AlertDelivery> out = dispatcher().build().deliver(Alerts.withRoutes(Alerts.route("v", "info", "via")),
          Alerts.WAITING);
      assertThat(out).containsExactly(new AlertDelivery.Sent("via.test", 200));
      assertThat(proxy.requests.poll().body()).contains("\"message\":\"Canary is waiting for approval.\"");
    }
  }
}
