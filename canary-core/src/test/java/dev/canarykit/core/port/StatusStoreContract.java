package dev.canarykit.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.CanaryStatus.CanaryCondition;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.port.StatusStore.StatusRead;
import dev.canarykit.core.port.StatusStore.StatusWrite;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link StatusStore} must do. Extend it and implement {@link #createStore}. */
public abstract class StatusStoreContract {
  private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

  /** The Canary the tests use. */
  protected Canary canary() {
    return ContractFixtures.canary();
  }

  /** A store in which the canary exists without a status. */
  protected abstract StatusStore createStore(Canary canary);

  /** A status with every field set, to check nothing is lost on the way. */
  protected static CanaryStatus fullStatus() {
    CanaryCondition promoted = new CanaryCondition(CanaryCondition.PROMOTED, "Unknown", "Progressing",
        "New revision detected, progressing canary analysis.", T, T);
    return new CanaryStatus(Phase.PROGRESSING, 1, 20, 3, "c=abc", "c=old", "p=xyz",
        Map.of("configmap/podinfo-config", "0123456789abcdef"), "5d8f9b7c6", "4c7e8a9b1", T, List.of(promoted));
  }

  private StatusRead.Current read(StatusStore store) {
    StatusRead r = store.read(canary().namespace(), canary().name());
    assertThat(r).isInstanceOf(StatusRead.Current.class);
    return (StatusRead.Current) r;
  }

  @Test
  void aCanaryWithoutStatusReadsAsInitial() {
    assertThat(read(createStore(canary())).status()).isEqualTo(CanaryStatus.initial());
  }

  @Test
  void readsBackWhatWasWritten() {
    StatusStore store = createStore(canary());
    StatusWrite w = store.write(canary(), read(store).version(), fullStatus());
    assertThat(w).isInstanceOf(StatusWrite.Written.class);
    StatusRead.Current now = read(store);
    assertThat(now.status()).isEqualTo(fullStatus());
    assertThat(now.version()).isEqualTo(((StatusWrite.Written) w).version());
  }

  @Test
  void theLatestReadReflectsEveryCompletedWrite() {
    StatusStore store = createStore(canary());
    StatusWrite w = store.write(canary(), read(store).version(), fullStatus());
    StatusRead latest = store.readLatest(canary().namespace(), canary().name());
    assertThat(latest).isEqualTo(new StatusRead.Current(fullStatus(), ((StatusWrite.Written) w).version()));
  }

  @Test
  void eachWriteMovesTheVersionOn() {
    StatusStore store = createStore(canary());
    String v0 = read(store).version();
    store.write(canary(), v0, fullStatus());
    String v1 = read(store).version();
    store.write(canary(), v1, fullStatus().toBuilder().canaryWeight(30).build());
    assertThat(read(store).version()).isNotEqualTo(v1).isNotEqualTo(v0);
  }

  @Test
  void aStaleVersionConflictsAndLosesNothing() {
    StatusStore store = createStore(canary());
    String stale = read(store).version();
    CanaryStatus first = fullStatus();
    store.write(canary(), stale, first);
    StatusWrite w = store.write(canary(), stale, first.toBuilder().phase(Phase.FAILED).build());
    assertThat(w).isInstanceOf(StatusWrite.Conflict.class);
    assertThat(read(store).status()).isEqualTo(first);
  }

  @Test
  void writesAfterRereadingAConflict() {
    StatusStore store = createStore(canary());
    String stale = read(store).version();
    store.write(canary(), stale, fullStatus());
    store.write(canary(), stale, CanaryStatus.initial());
    CanaryStatus next = fullStatus().toBuilder().canaryWeight(40).build();
    assertThat(store.write(canary(), read(store).version(), next)).isInstanceOf(StatusWrite.Written.class);
    assertThat(read(store).status()).isEqualTo(next);
  }
}
