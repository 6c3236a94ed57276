package dev.canarykit.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Command.Workload;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WorkloadStore} must do. Extend it and implement the factories; each test starts from a
 * fresh store.
 */
public abstract class WorkloadStoreContract {
  private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

  /** The Canary the tests use; its target must exist in the stores {@link #createStore} returns. */
  protected Canary canary() {
    return ContractFixtures.canary();
  }

  /** A store in which the canary's target exists (no primary yet). */
  protected abstract WorkloadStore createStore(Canary canary);

  /** A store in which the canary's target does not exist. */
  protected abstract WorkloadStore createStoreWithoutTarget(Canary canary);

  /** Changes the pod template of the target in the store last created, as a new release does. */
  protected abstract void changeTargetTemplate(Canary canary);

  @Test
  void observesTheTargetRevision() {
    WorkloadStore store = createStore(canary());
    Outcome first = store.observeTarget(canary());
    assertThat(first).isInstanceOf(Outcome.Revision.class);
    assertThat(((Outcome.Revision) first).specHash()).isNotEmpty();
    assertThat(store.observeTarget(canary())).isEqualTo(first);
  }

  @Test
  void aTemplateChangeChangesTheRevision() {
    WorkloadStore store = createStore(canary());
    Outcome before = store.observeTarget(canary());
    changeTargetTemplate(canary());
    assertThat(store.observeTarget(canary())).isInstanceOf(Outcome.Revision.class).isNotEqualTo(before);
  }

  @Test
  void aMissingTargetIsAFailureNotAnException() {
    WorkloadStore store = createStoreWithoutTarget(canary());
    assertThat(store.observeTarget(canary())).isInstanceOf(Outcome.Failed.class);
    assertThat(store.ensurePrimary(canary())).isInstanceOf(Outcome.Failed.class);
  }

  @Test
  void initialisationIsIdempotent() {
    WorkloadStore store = createStore(canary());
    for (int i = 0; i < 2; i++) {
      assertThat(store.reconcileServices(canary())).isEqualTo(Outcome.OK);
      assertThat(store.ensurePrimary(canary())).isEqualTo(Outcome.OK);
      assertThat(store.reconcileAutoscaler(canary(), false)).isEqualTo(Outcome.OK);
      assertThat(store.reconcileApexService(canary())).isEqualTo(Outcome.OK);
    }
  }

  @Test
  void scalesToZeroAndBack() {
    WorkloadStore store = createStore(canary());
    store.ensurePrimary(canary());
    assertThat(store.scaleToZero(canary())).isEqualTo(Outcome.OK);
    assertThat(store.scaleToZero(canary())).isEqualTo(Outcome.OK);
    assertThat(store.scaleFromZero(canary())).isEqualTo(Outcome.OK);
  }

  @Test
  void promotesAfterThePrimaryExists() {
    WorkloadStore store = createStore(canary());
    store.ensurePrimary(canary());
    changeTargetTemplate(canary());
    assertThat(store.promote(canary())).isEqualTo(Outcome.OK);
    assertThat(store.reconcileAutoscaler(canary(), true)).isEqualTo(Outcome.OK);
  }

  @Test
  void reportsReadinessOfBothWorkloads() {
    WorkloadStore store = createStore(canary());
    store.ensurePrimary(canary());
    for (Workload w : Workload.values()) {
      assertThat(store.readiness(canary(), w, 100, Duration.ofMinutes(10), NOW)).isNotNull();
    }
  }

  @Test
  void revertsAfterInitialisation() {
    WorkloadStore store = createStore(canary());
    store.ensurePrimary(canary());
    store.reconcileApexService(canary());
    store.scaleToZero(canary());
    assertThat(store.revert(canary())).isEqualTo(Outcome.OK);
  }
}
