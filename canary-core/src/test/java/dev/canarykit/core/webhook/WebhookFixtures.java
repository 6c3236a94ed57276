package dev.canarykit.core.webhook;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.model.WebhookSpec.WebhookType;
import dev.canarykit.core.port.ContractFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hooks, calls and a recording sleeper for the webhook tests. */
final class WebhookFixtures {
  static final Canary CANARY = ContractFixtures.canary();

  private WebhookFixtures() {}

  static WebhookSpec hook(String url, Integer retries) {
    return WebhookSpec.builder("load-test", url).retries(retries).build();
  }

  static WebhookSpec hook(WebhookType type, String url, String timeout, Map<String, String> metadata) {
    return WebhookSpec.builder("gate", url).type(type).timeout(timeout).metadata(metadata).build();
  }

  static Command.CallWebhook call(WebhookSpec hook) {
    return new Command.CallWebhook(hook, Phase.PROGRESSING, "0123456789abcdef");
  }

  /** A loopback URL nobody listens on (the port was free a moment ago). */
  static String unreachableUrl() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + s.getLocalPort() + "/hook";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records the waits instead of sleeping. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration d) {
      waits.add(d);
    }
  }
}
