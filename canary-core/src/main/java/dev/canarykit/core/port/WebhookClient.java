package dev.canarykit.core.port;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;

/** Calls the analysis' webhooks (docs/flagger-compatibility.md §1.15). */
public interface WebhookClient {

  /**
   * Calls {@code call.hook()} with the canary's payload, retrying as the hook specifies.
   *
   * @return {@link Outcome#OK} when the hook answered 200-202, else {@link Outcome.Failed} with the error
   */
  Outcome.OkResult call(Canary canary, Command.CallWebhook call);
}
