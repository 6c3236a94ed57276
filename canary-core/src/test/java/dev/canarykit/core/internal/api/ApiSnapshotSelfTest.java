package dev.canarykit.core.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.internal.JsonWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The listing check itself: what it reports as a type users cannot use. */
class ApiSnapshotSelfTest {

  /** Not API: package-private. */
  static final class Hidden {}

  /** API whose signatures name a package-private and an internal type. */
  public static final class Leaky {
    /** Names a package-private type. */
    public List<Hidden> hidden() {
      return List.of();
    }

    /** Names an internal type. */
    public void write(JsonWriter writer) {}

    /** Names neither. */
    public String fine() {
      return "";
    }

    /** Not API, so it may name anything. */
    Hidden notApi() {
      return new Hidden();
    }
  }

  @Test
  void publicSignaturesNamingPackagePrivateOrInternalTypesAreReported() {
    String leaky = Leaky.class.getName();
    assertThat(ApiSnapshot.hiddenTypes(List.of(Leaky.class))).containsExactly(
        "  " + leaky + ".hidden(...) names " + Hidden.class.getName(),
        "  " + leaky + ".write(...) names " + JsonWriter.class.getName());
  }
}
