package dev.canarykit.k8s.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON Go writes for a config's data, and its hash, pinned byte for byte. */
class ConfigChecksumTest {

  @Test
  void writesSortedKeysWithGosEscapes() {
    Map<String, String> data = Map.of("b", "2", "a", "x <y> &\n\t\"q\"");
    assertThat(ConfigChecksum.json(data)).isEqualTo("{\"a\":\"x \\u003cy\\u003e \\u0026\\n\\t\\\"q\\\"\",\"b\":\"2\"}");
    assertThat(ConfigChecksum.of(data)).isEqualTo("4b0ae3d7f678fca0"); // sha256sum of the text above, 8 bytes
  }

  @Test
  void aMissingOrEmptyMapIsGosNilMap() {
    assertThat(ConfigChecksum.json(null)).isEqualTo("null");
    assertThat(ConfigChecksum.json(Map.of())).isEqualTo("null");
    assertThat(ConfigChecksum.of(Map.of())).isEqualTo("74234e98afe7498f");
  }
}
