package dev.canarykit.core.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.port.StatusStore;
import dev.canarykit.core.port.StatusStore.StatusRead;
import dev.canarykit.core.port.StatusStore.StatusWrite;
import dev.canarykit.core.testing.InMemoryStatusStore;
import dev.canarykit.core.testing.InMemoryWorkloadStore;
import dev.canarykit.core.testing.SeedRelease;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 1: a status store whose reads lag one write behind (an informer cache after an API outage)
 * must not make the driver decide from the older status. Before the fix the tick after the fifth failed check
 * read "failedChecks 4", promoted the failed revision, and the canary ended Failed with it on the primary.
 */
class StaleStatusTest extends SeedPortsFixture {
  private final LaggingStore statuses = new LaggingStore();
  private final CanaryDriver driver = driverOn(statuses).seed(1).build();

  @Test
  void aReadThatLagsOneWriteNeverPromotesACanaryThatReachedItsThreshold() {
    tick();
    workloads.setTargetRevision("podinfo:3.1.1");
    while (router.canaryWeight() < 50) {
      tick();
    }
    metrics.fix("request-duration", 800);
    while (statuses.stored().failedChecks() < 5) {
      tick();
    }
    metrics.fix("request-duration", 120);
    statuses.lagging = true;

    for (int i = 0; i < 3; i++) {
      tick();
    }

    assertThat(workloads.promotions()).as("promotions").isZero();
    assertThat(workloads.primaryRevision()).isEqualTo(InMemoryWorkloadStore.INITIAL_REVISION);
    assertThat(statuses.stored().phase()).isEqualTo(Phase.FAILED);
    assertThat(events.messages()).contains("Warning  Rolling back podinfo.test failed checks threshold reached 5")
        .noneMatch(m -> m.contains("Copying"));
  }

  @Test
  void theDriverReadsTheLatestStatusOnlyWhenTheCachedVersionIsNotTheOneItKnows() {
    tick();
    tick();
    int fresh = statuses.latestReads;
    tick();
    tick();
    assertThat(statuses.latestReads).as("idle ticks read the cache only").isEqualTo(fresh);
    statuses.delegate.touch(canary);
    tick();
    assertThat(statuses.latestReads).as("a version it does not know is read again").isEqualTo(fresh + 1);
    tick();
    assertThat(statuses.latestReads).isEqualTo(fresh + 1);
  }

  @Test
  void aNewDriverReadsTheLatestStatusOnItsFirstTick() {
    tick();
    int before = statuses.latestReads;
    TickReport r = driverOn(statuses).build().tick(canary);
    assertThat(statuses.latestReads).isEqualTo(before + 1);
    assertThat(r.executions()).extracting(TickReport.Execution::command).doesNotContain(new Command.Promote());
  }

  private void tick() {
    driver.tick(canary);
    clock.advance(Duration.ofMinutes(1));
  }

  /** Reads through {@link #read} answer with the status and version from before the last write when lagging. */
  private static final class LaggingStore implements StatusStore {
    final InMemoryStatusStore delegate = new InMemoryStatusStore();
    boolean lagging;
    int latestReads;
    private StatusRead previous;

    CanaryStatus stored() {
      return delegate.status(SeedRelease.canary());
    }

    @Override
    public StatusRead read(String namespace, String name) {
      return lagging && previous != null ? previous : delegate.read(namespace, name);
    }

    @Override
    public StatusRead readLatest(String namespace, String name) {
      latestReads++;
      return delegate.read(namespace, name);
    }

    @Override
    public StatusWrite write(Canary canary, String expectedVersion, CanaryStatus status) {
      StatusRead before = delegate.read(canary.namespace(), canary.name());
      StatusWrite w = delegate.write(canary, expectedVersion, status);
      if (w instanceof StatusWrite.Written) {
        previous = before;
      }
      return w;
    }
  }
}
