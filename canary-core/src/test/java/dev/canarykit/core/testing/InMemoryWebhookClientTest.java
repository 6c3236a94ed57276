package dev.canarykit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.model.WebhookSpec.WebhookType;
import dev.canarykit.core.port.ContractFixtures;
import dev.canarykit.core.port.WebhookClientContract;
import org.junit.jupiter.api.Test;

class InMemoryWebhookClientTest extends WebhookClientContract {
  private static final Canary C = ContractFixtures.canary();
  private static final Command.CallWebhook CALL =
      new Command.CallWebhook(ContractFixtures.LOAD_TEST, Phase.PROGRESSING, "abc");

  @Override
  protected Setup acceptingHook() {
    return new Setup(new InMemoryWebhookClient(), C, CALL);
  }

  @Override
  protected Setup refusingHook() {
    return new Setup(new InMemoryWebhookClient().reject("load-test", "403 Forbidden"), C, CALL);
  }

  @Override
  protected Setup unreachableHook() {
    return new Setup(new InMemoryWebhookClient().reject("load-test", "connection refused"), C, CALL);
  }

  @Test
  void answersPerHookAndRecordsCalls() {
    var gate = WebhookSpec.of("gate", WebhookType.CONFIRM_PROMOTION, "http://gate/");
    var gateCall = new Command.CallWebhook(gate, Phase.PROGRESSING, "abc");
    var client = new InMemoryWebhookClient().queue("gate", new Outcome.Failed("closed")).reject("load-test", "no");
    assertThat(client.call(C, gateCall)).isEqualTo(new Outcome.Failed("closed"));
    assertThat(client.call(C, gateCall)).isEqualTo(Outcome.OK);
    assertThat(client.call(C, CALL)).isEqualTo(new Outcome.Failed("no"));
    client.approve("load-test");
    assertThat(client.call(C, CALL)).isEqualTo(Outcome.OK);
    assertThat(client.calledHooks()).containsExactly("gate", "gate", "load-test", "load-test");
    assertThat(client.count("gate")).isEqualTo(2);
  }
}
