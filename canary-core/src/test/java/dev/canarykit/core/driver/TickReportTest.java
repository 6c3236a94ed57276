package dev.canarykit.core.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.port.ContractFixtures;
import dev.canarykit.core.testing.InMemoryStatusStore;
import dev.canarykit.core.testing.InMemoryTrafficRouter;
import dev.canarykit.core.testing.InMemoryWebhookClient;
import dev.canarykit.core.testing.InMemoryWorkloadStore;
import dev.canarykit.core.testing.ManualClock;
import dev.canarykit.core.testing.ScriptedMetricSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TickReportTest {
  private static final Canary C = ContractFixtures.canary();

  private static TickReport tick(StepFunction machine) {
    return CanaryDriver.builder().workloads(new InMemoryWorkloadStore()).router(new InMemoryTrafficRouter())
        .metrics(new ScriptedMetricSource()).webhooks(new InMemoryWebhookClient())
        .statuses(new InMemoryStatusStore()).clock(ManualClock.ofDefaults()).seed(1)
        .machines(c -> machine).build().tick(C);
  }

  @Test
  void replayReproducesEveryTransition() {
    TickReport r = tick(new ScriptedMachine(10));
    var replayed = TickReport.replay(new ScriptedMachine(10), r.startStatus(), r.now(), r.entropy(), r.outcomes());
    assertThat(replayed).isEqualTo(r.transitions());
    TickReport.verify(new ScriptedMachine(10), r);
  }

  @Test
  void verifyNamesTheFirstStepThatDiffers() {
    TickReport r = tick(new ScriptedMachine(10));
    assertThatThrownBy(() -> TickReport.verify(new ScriptedMachine(20), r))
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("replay differs at step 2");
  }

  @Test
  void replayRefusesALogThatIsTooShortOrTooLong() {
    var start = CanaryStatus.initial();
    var now = ManualClock.DEFAULT_START;
    List<Outcome> two = List.of(new Outcome.Revision("v1", Map.of()), new Outcome.Routes(100, 0, false));
    assertThatThrownBy(() -> TickReport.replay(new ScriptedMachine(1), start, now, "", two))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the log ends after 2 outcomes");
    var four = new java.util.ArrayList<>(two);
    four.add(new Outcome.MetricValue(1));
    four.add(Outcome.OK);
    assertThatThrownBy(() -> TickReport.replay(new ScriptedMachine(1), start, now, "", four))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the log has 4");
  }
}
