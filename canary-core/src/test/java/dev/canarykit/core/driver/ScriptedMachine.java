package dev.canarykit.core.driver;

import dev.canarykit.core.analysis.Alert;
import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.analysis.TickInput;
import dev.canarykit.core.analysis.Transition;
import dev.canarykit.core.model.AlertSpec.Severity;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.port.ContractFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tiny deterministic machine for driver tests: observe and read routes, then query a metric, then complete
 * with the canary weight raised by {@code step} (0 leaves the status unchanged). Records every status it was
 * given.
 */
final class ScriptedMachine implements StepFunction {
  static final Alert ALERT = new Alert(Severity.INFO, "querying", Map.of());

  final List<CanaryStatus> given = new ArrayList<>();
  final List<String> entropies = new ArrayList<>();
  private final int step;

  ScriptedMachine(int step) {
    this.step = step;
  }

  @Override
  public Transition step(TickInput input) {
    CanaryStatus status = input.status();
    given.add(status);
    entropies.add(input.entropy());
    List<Outcome> o = input.outcomes();
    switch (o.size()) {
      case 0:
        return new Transition(input, status, List.of(new Command.ObserveTarget(), new Command.ReadRoutes()),
            List.of(CanaryEvent.info("observing at " + input.now())), List.of());
      case 2:
        return new Transition(input, status, List.of(new Command.QueryMetric(ContractFixtures.SUCCESS_RATE)),
            List.of(), List.of(ALERT));
      case 3:
        CanaryStatus next = status.toBuilder().canaryWeight(status.canaryWeight() + step).build();
        return new Transition(input, next, List.of(), List.of(CanaryEvent.warning("outcomes " + o)), List.of());
      default:
        throw new IllegalArgumentException("unexpected input " + input);
    }
  }
}
