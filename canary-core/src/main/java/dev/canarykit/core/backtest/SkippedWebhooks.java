package dev.canarykit.core.backtest;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.WebhookSpec.WebhookType;
import dev.canarykit.core.port.WebhookClient;
import java.util.ArrayList;
import java.util.List;

/**
 * A backtest calls no webhook: tests, load tests and gates are not re-run against the past. Every hook passes
 * (gates approve) so that the policy's own decisions show, except rollback hooks, which do not ask for a
 * rollback. Each skipped call is recorded for the report.
 */
final class SkippedWebhooks implements WebhookClient {
  private final List<String> skipped = new ArrayList<>();

  @Override
  public Outcome.OkResult call(Canary canary, Command.CallWebhook call) {
    WebhookType type = call.hook().type();
    skipped.add(call.hook().name() + " (" + (type != null ? type.wireName()
        : call.hook().unreadable().get("type")) + ")");
    return call.hook().is(WebhookType.ROLLBACK) ? new Outcome.Failed("not called in a backtest") : Outcome.OK;
  }

  /** The hooks skipped since the last call, as {@code name (type)}; clears the record. */
  List<String> drain() {
    List<String> out = List.copyOf(skipped);
    skipped.clear();
    return out;
  }
}
