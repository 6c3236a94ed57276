package dev.canarykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  private static final String TRICKY = "x\"\\\n\t\u0001<>&\u2028\u2029é😀";

  private static Map<String, Object> tree() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("b", Arrays.asList(1, 2.5, true, null, 7L));
    tree.put("a", TRICKY);
    tree.put("c", Map.of("z", Map.of(), "y", List.of()));
    return tree;
  }

  @Test
  void minimalEscapesOnlyWhatJsonRequiresAndSortsTreeKeys() {
    assertThat(JsonWriter.minimal().tree(tree()).text()).isEqualTo(
        "{\"a\":\"x\\\"\\\\\\u000a\\u0009\\u0001<>&\u2028\u2029é😀\",\"b\":[1,2.5,true,null,7],\"c\":{\"y\":[],\"z\":{}}}");
  }

  /** Revision hashes are taken over the minimal form: these values were written by earlier releases. */
  @Test
  void revisionHashesAreUnchanged() {
    assertThat(Hashes.of(tree())).isEqualTo("83c94283ba4eb791");
    assertThat(Hashes.webhookChecksum("abc", Map.of("configmap/x", "1"))).isEqualTo("48be9951bd589b29");
  }

  @Test
  void goCompatibleEscapesAsGosEncoder() {
    assertThat(JsonWriter.goCompatible().value(TRICKY).text())
        .isEqualTo("\"x\\\"\\\\\\n\\t\\u0001\\u003c\\u003e\\u0026\\u2028\\u2029é😀\"");
  }

  @Test
  void membersKeepTheirOrderAndValuesAreSeparated() {
    String text = JsonWriter.minimal().beginObject().name("z").value("1").name("a").beginArray().value(2)
        .value(new BigDecimal("1E+1")).value((BigDecimal) null).value((String) null).endArray()
        .name("o").beginObject().endObject().endObject().text();
    assertThat(text).isEqualTo("{\"z\":\"1\",\"a\":[2,10,null,null],\"o\":{}}");
  }

  @Test
  void aTreeOfSomethingElseIsRefused() {
    assertThatThrownBy(() -> JsonWriter.minimal().tree(Map.of("k", new Object())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a JSON value: java.lang.Object");
  }
}
