package dev.canarykit.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WebhookClient} must do. Extend it and implement the three setups; each returns a client, a
 * canary and a call whose hook behaves as stated.
 */
public abstract class WebhookClientContract {

  /**
   * A client, a canary and a call.
   *
   * @param client the client under test
   * @param canary the canary the call is about
   * @param call the call
   */
  public record Setup(WebhookClient client, Canary canary, Command.CallWebhook call) {
    /** Makes the call. */
    Outcome invoke() {
      return client.call(canary, call);
    }
  }

  /** A hook that accepts (answers 200). */
  protected abstract Setup acceptingHook();

  /** A hook that refuses (answers 403 or 500, with a body). */
  protected abstract Setup refusingHook();

  /** A hook nobody listens on. */
  protected abstract Setup unreachableHook();

  @Test
  void anAcceptingHookIsOk() {
    assertThat(acceptingHook().invoke()).isEqualTo(Outcome.OK);
  }

  @Test
  void aRefusingHookFailsWithAMessage() {
    Outcome o = refusingHook().invoke();
    assertThat(o).isInstanceOf(Outcome.Failed.class);
    assertThat(((Outcome.Failed) o).message()).isNotBlank();
  }

  @Test
  void anUnreachableHookFailsWithAMessage() {
    Outcome o = unreachableHook().invoke();
    assertThat(o).isInstanceOf(Outcome.Failed.class);
    assertThat(((Outcome.Failed) o).message()).isNotBlank();
  }

  @Test
  void callsCanBeRepeated() {
    Setup s = acceptingHook();
    assertThat(s.invoke()).isEqualTo(Outcome.OK);
    assertThat(s.invoke()).isEqualTo(Outcome.OK);
  }
}
