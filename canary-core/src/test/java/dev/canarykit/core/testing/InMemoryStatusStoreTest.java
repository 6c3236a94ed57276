package dev.canarykit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.port.ContractFixtures;
import dev.canarykit.core.port.StatusStore;
import dev.canarykit.core.port.StatusStore.StatusRead;
import dev.canarykit.core.port.StatusStore.StatusWrite;
import dev.canarykit.core.port.StatusStoreContract;
import org.junit.jupiter.api.Test;

class InMemoryStatusStoreTest extends StatusStoreContract {
  private static final Canary C = ContractFixtures.canary();

  @Override
  protected StatusStore createStore(Canary canary) {
    return new InMemoryStatusStore();
  }

  private static String version(InMemoryStatusStore s) {
    return ((StatusRead.Current) s.read(C.namespace(), C.name())).version();
  }

  @Test
  void injectedConflictsWriteNothing() {
    var s = new InMemoryStatusStore();
    s.conflictNext(1);
    assertThat(s.write(C, version(s), fullStatus())).isInstanceOf(StatusWrite.Conflict.class);
    assertThat(s.status(C)).isEqualTo(CanaryStatus.initial());
    assertThat(s.write(C, version(s), fullStatus())).isInstanceOf(StatusWrite.Written.class);
    assertThat(s.history(C)).containsExactly(fullStatus());
  }

  @Test
  void touchAndPutMoveTheVersion() {
    var s = new InMemoryStatusStore();
    String v = version(s);
    s.touch(C);
    assertThat(s.write(C, v, fullStatus())).isInstanceOf(StatusWrite.Conflict.class);
    s.put(C, CanaryStatus.initial().toBuilder().phase(Phase.FAILED).build());
    assertThat(s.status(C).phase()).isEqualTo(Phase.FAILED);
    assertThat(version(s)).isEqualTo("2");
  }

  @Test
  void injectedFailuresAreValues() {
    var s = new InMemoryStatusStore();
    s.failNext(2, "etcd down");
    assertThat(s.read(C.namespace(), C.name())).isEqualTo(new StatusRead.Failed("etcd down"));
    assertThat(s.write(C, "0", fullStatus())).isEqualTo(new StatusWrite.Failed("etcd down"));
    assertThat(s.write(C, "0", fullStatus())).isInstanceOf(StatusWrite.Written.class);
  }
}
