package dev.canarykit.core.webhook;

import static dev.canarykit.core.webhook.WebhookFixtures.CANARY;
import static dev.canarykit.core.webhook.WebhookFixtures.call;
import static dev.canarykit.core.webhook.WebhookFixtures.hook;

import dev.canarykit.core.port.WebhookClientContract;
import dev.canarykit.core.webhook.HttpWebhookClient.Backoff;
import dev.canarykit.core.webhook.LoopbackServer.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** {@link HttpWebhookClient} passes the webhook port's contract. */
class HttpWebhookClientContractTest extends WebhookClientContract {
  private final List<LoopbackServer> servers = new ArrayList<>();
  private final HttpWebhookClient client = HttpWebhookClient.builder().backoff(Backoff.none()).build();

  @AfterEach
  void stop() {
    servers.forEach(LoopbackServer::close);
  }

  private Setup answering(Response response) {
    LoopbackServer s = LoopbackServer.http(response);
    servers.add(s);
    return new Setup(client, CANARY, call(hook(s.url("/"), 0)));
  }

  @Override
  protected Setup acceptingHook() {
    return answering(Response.of(200, "Approved"));
  }

  @Override
  protected Setup refusingHook() {
    return answering(Response.of(403, "Forbidden"));
  }

  @Override
  protected Setup unreachableHook() {
    return new Setup(client, CANARY, call(hook(WebhookFixtures.unreachableUrl(), 1)));
  }
}
