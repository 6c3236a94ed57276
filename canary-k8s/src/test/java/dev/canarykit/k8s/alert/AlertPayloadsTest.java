package dev.canarykit.k8s.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Alert;
import dev.canarykit.core.testing.InMemorySecretResolver;
import dev.canarykit.k8s.AlertProvider;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact body each provider type posts (the shapes of Flagger's pkg/notifier), its URL and headers. */
class AlertPayloadsTest {
  private static final String FIELDS_SLACK = "\"fields\":["
      + "{\"title\":\"Cluster\",\"value\":\"prod-eu\",\"short\":false},"
      + "{\"title\":\"Target\",\"value\":\"Deployment/podinfo.test\",\"short\":false},"
      + "{\"title\":\"Failed checks threshold\",\"value\":\"2\",\"short\":false},"
      + "{\"title\":\"Progress deadline\",\"value\":\"600s\",\"short\":false},"
      + "{\"title\":\"Traffic routing\",\"value\":\"Weight step: 10 max: 50\",\"short\":false}]";

  /** The Canary's fields as Teams' facts and the generic webhook's fields. */
  private static final String NAMED_FIELDS = "["
      + "{\"name\":\"Cluster\",\"value\":\"prod-eu\"},"
      + "{\"name\":\"Target\",\"value\":\"Deployment/podinfo.test\"},"
      + "{\"name\":\"Failed checks threshold\",\"value\":\"2\"},"
      + "{\"name\":\"Progress deadline\",\"value\":\"600s\"},"
      + "{\"name\":\"Traffic routing\",\"value\":\"Weight step: 10 max: 50\"}]";

  private final HttpClient http = HttpClient.newHttpClient();
  private final InMemorySecretResolver secrets = new InMemorySecretResolver();
  private Receiver receiver;

  @BeforeEach
  void start() throws Exception {
    receiver = new Receiver();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private Receiver.Request send(AlertProvider provider, Alert alert) throws InterruptedException {
    AlertDispatcher d = AlertDispatcher.builder(http).providers(AlertProviderLookup.of(List.of(provider)))
        .secrets(secrets).clusterName("prod-eu").build();
    List<AlertDelivery> out = d.deliver(Alerts.withRoutes(Alerts.route("a", "info", provider.name())), alert);
    assertThat(out).containsExactly(new AlertDelivery.Sent(provider.name() + ".test", 200));
    Receiver.Request r = receiver.requests.poll(5, TimeUnit.SECONDS);
    assertThat(r.contentType()).isEqualTo("application/json");
    return r;
  }

  /** Slack's message as the Slack-shaped providers post it for an alert without the Canary's fields. */
  private static String slackMessage(String color, String text) {
    return "{\"channel\":\"general\",\"username\":\"flagger\",\"icon_url\":\"\",\"icon_emoji\":\":rocket:\","
        + "\"attachments\":[{\"color\":\"" + color + "\",\"author_name\":\"podinfo.test\",\"text\":\"" + text
        + "\",\"mrkdwn_in\":[\"text\"],\"fields\":[{\"title\":\"Cluster\",\"value\":\"prod-eu\",\"short\":false}]}]}";
  }

  private AlertProvider provider(String type, String path) {
    return new AlertProvider(type, "test", type, null, null, null, receiver.url(path), null);
  }

  @Test
  void slackTakesItsAddressAndTokenFromTheSecret() throws Exception {
    secrets.put("test", "slack-url", Map.of("address", receiver.url("/services/T0/B0/xyz"), "token", "s3cr3t"));
    AlertProvider p = new AlertProvider("on-call", "test", "slack", "on-call-alerts", "canary-bot", null, null,
        "slack-url");
    Receiver.Request r = send(p, Alerts.INITIALIZED);
    assertThat(r.path()).isEqualTo("/services/T0/B0/xyz");
    assertThat(r.authorization()).isEqualTo("Bearer s3cr3t");
    assertThat(r.body()).isEqualTo("{\"channel\":\"on-call-alerts\",\"username\":\"canary-bot\",\"icon_url\":\"\","
        + "\"icon_emoji\":\":rocket:\",\"attachments\":[{\"color\":\"good\",\"author_name\":\"podinfo.test\","
        + "\"text\":\"New Deployment detected, initialization completed.\",\"mrkdwn_in\":[\"text\"],"
        + FIELDS_SLACK + "}]}");
  }

  @Test
  void slackErrorsAreDangerAndTheDefaultsAreGeneralAndFlagger() throws Exception {
    Receiver.Request r = send(provider("slack", "/hook"), Alerts.FAILED);
    assertThat(r.authorization()).isNull();
    assertThat(r.body()).isEqualTo(slackMessage("danger", "Failed checks threshold reached 2"));
  }

  @Test
  void discordPostsSlacksShapeToItsSlackEndpoint() throws Exception {
    Receiver.Request r = send(provider("discord", "/api/webhooks/1/abc/?wait=true"), Alerts.WAITING);
    assertThat(r.path()).isEqualTo("/api/webhooks/1/abc/slack?wait=true");
    assertThat(r.body()).isEqualTo(slackMessage("good", "Canary is waiting for approval."));
  }

  @Test
  void aDiscordAddressEndingInSlackIsKept() {
    AlertTarget t = AlertTarget.of(dev.canarykit.k8s.AlertProviderType.DISCORD,
        java.net.URI.create("https://discord.com/api/webhooks/1/abc/slack"));
    assertThat(AlertPoster.address(t)).hasToString("https://discord.com/api/webhooks/1/abc/slack");
  }

  @Test
  void rocketUsesHexColours() throws Exception {
    Receiver.Request r = send(provider("rocket", "/hooks/abc"), Alerts.FAILED);
    assertThat(r.authorization()).isNull();
    assertThat(r.body()).isEqualTo(slackMessage("#FF0000", "Failed checks threshold reached 2"));
    assertThat(send(provider("rocket", "/hooks/abc"), Alerts.WAITING).body()).contains("\"color\":\"#0076D7\"");
  }

  @Test
  void teamsPostsAMessageCard() throws Exception {
    Receiver.Request r = send(provider("msteams", "/webhookb2/x"), Alerts.INITIALIZED);
    assertThat(r.body()).isEqualTo("{\"@type\":\"MessageCard\",\"@context\":\"http://schema.org/extensions\","
        + "\"themeColor\":\"0076D7\",\"summary\":\"podinfo.test\",\"sections\":[{"
        + "\"activityTitle\":\"New Deployment detected, initialization completed.\","
        + "\"activitySubtitle\":\"podinfo.test\",\"facts\":" + NAMED_FIELDS + "}]}");
    assertThat(send(provider("msteams", "/webhookb2/x"), Alerts.FAILED).body()).contains("\"themeColor\":\"FF0000\"");
  }

  @Test
  void googleChatPostsACard() throws Exception {
    Receiver.Request r = send(provider("gchat", "/v1/spaces/x/messages"), Alerts.FAILED);
    assertThat(r.body()).isEqualTo("{\"cards\":[{\"header\":{\"title\":\"Flagger\",\"subtitle\":\"podinfo.test\","
        + "\"imageUrl\":\"https://flagger.app/favicon.png\"},\"sections\":["
        + "{\"widgets\":[{\"textParagraph\":{\"text\":"
        + "\"<font color=#848484><strong>Failed checks threshold reached 2</strong></font>\"}}]},"
        + "{\"widgets\":[{\"textParagraph\":{\"text\":"
        + "\"Cluster<br><font color=#848484><strong>prod-eu</strong></font>\"}}]}]}]}");
  }

  @Test
  void theGenericWebhookPostsTheAlertAsItIs() throws Exception {
    secrets.put("test", "generic-auth", Map.of("address", receiver.url("/alerts"), "token", "t0k"));
    AlertProvider p = new AlertProvider("generic", "test", "generic", "releases", null, null, null, "generic-auth");
    Receiver.Request r = send(p, Alerts.INITIALIZED);
    assertThat(r.path()).isEqualTo("/alerts");
    assertThat(r.authorization()).isEqualTo("Bearer t0k");
    assertThat(r.body()).isEqualTo("{\"name\":\"podinfo\",\"namespace\":\"test\",\"severity\":\"info\","
        + "\"message\":\"New Deployment detected, initialization completed.\",\"channel\":\"releases\","
        + "\"username\":\"flagger\",\"fields\":" + NAMED_FIELDS + "}");
  }

  @Test
  void onlySlackAndGenericSendTheToken() throws Exception {
    secrets.put("test", "teams-url", Map.of("address", receiver.url("/teams"), "token", "not-for-teams"));
    AlertProvider p = new AlertProvider("teams", "test", "msteams", null, null, null, null, "teams-url");
    assertThat(send(p, Alerts.WAITING).authorization()).isNull();
  }
}
