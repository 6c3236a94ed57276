package dev.canarykit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Manifests read as kubectl reads them: aliases, merge keys, YAML 1.1 scalars, and the bounds. */
class ManifestYamlTest {
  private static JsonNode one(String text) throws ManifestYaml.InvalidYaml {
    List<ManifestYaml.Document> docs = ManifestYaml.parse(text);
    assertThat(docs).hasSize(1);
    return docs.get(0).tree();
  }

  private static ManifestYaml.InvalidYaml invalid(String text) {
    try {
      ManifestYaml.parse(text);
    } catch (ManifestYaml.InvalidYaml e) {
      return e;
    }
    throw new AssertionError("expected InvalidYaml for: " + text);
  }

  @Test
  void aliasesAreExpanded() throws Exception {
    JsonNode t = one("a: &x {min: 99}\nb: *x\nc: &s 1m\nd: *s\n");
    assertThat(t.toString()).isEqualTo("{\"a\":{\"min\":99},\"b\":{\"min\":99},\"c\":\"1m\",\"d\":\"1m\"}");
  }

  @Test
  void mergeKeysMergeAndLaterKeysWin() throws Exception {
    JsonNode t = one("base: &b {name: x, interval: 1m}\nm:\n  <<: *b\n  name: z\n");
    assertThat(t.get("m").toString()).isEqualTo("{\"name\":\"z\",\"interval\":\"1m\"}");
    JsonNode list = one("a: &a {k: 1, a: 1}\nb: &b {k: 2, b: 2}\nm: {<<: [*a, *b]}\n");
    assertThat(list.get("m").toString()).isEqualTo("{\"k\":1,\"b\":2,\"a\":1}");
    JsonNode before = one("a: &a {k: 1}\nm: {k: 0, <<: *a}\n");
    assertThat(before.get("m").get("k").asInt()).as("a merge overrides the keys before it, as kubectl").isEqualTo(1);
  }

  @Test
  void scalarsAreTypedAsKubectlTypesThem() throws Exception {
    JsonNode t = one("""
        yes: yes
        y1: y
        off: off
        hex: 0x1F
        octal: 017
        under: 1_000
        float: 0.5
        whole: 8080.0
        exp: 1e3
        none: ~
        empty:
        time: 2024-01-02T03:04:05Z
        quoted: "true"
        str: !!str 12
        """);
    assertThat(t.get("true").asBoolean()).as("the key yes is true").isTrue();
    assertThat(t.get("y1").isBoolean()).isTrue();
    assertThat(t.get("false").asBoolean()).isFalse();
    assertThat(t.get("hex").asInt()).isEqualTo(31);
    assertThat(t.get("octal").asInt()).isEqualTo(15);
    assertThat(t.get("under").asInt()).isEqualTo(1000);
    assertThat(t.get("float").isDouble()).isTrue();
    assertThat(t.get("whole").isInt()).as("Go's JSON writes 8080.0 as 8080").isTrue();
    assertThat(t.get("exp").asInt()).isEqualTo(1000);
    assertThat(t.get("none").isNull()).isTrue();
    assertThat(t.get("empty").isNull()).isTrue();
    assertThat(t.get("time").asText()).isEqualTo("2024-01-02T03:04:05Z");
    assertThat(t.get("quoted").isTextual()).isTrue();
    assertThat(t.get("str").asText()).isEqualTo("12");
  }

  @Test
  void documentsKeepTheirLinesAndEmptyOnesAreLeftOut() throws Exception {
    List<ManifestYaml.Document> docs = ManifestYaml.parse("---\n# comment\n---\na: 1\n---\n~\n---\n\nb: 2\n");
    assertThat(docs).extracting(ManifestYaml.Document::line).containsExactly(4, 9);
  }

  @Test
  void duplicateKeysInfinityAndSelfReferencesAreErrorsWithTheirLine() {
    ManifestYaml.InvalidYaml dup = invalid("a: 1\nb: 2\na: 3\n");
    assertThat(dup.line()).isEqualTo(3);
    assertThat(dup.getMessage()).isEqualTo("mapping key \"a\" already defined at line 1");
    assertThat(invalid("a: .inf\n").getMessage()).isEqualTo(".inf cannot be represented in JSON");
    assertThat(invalid("a: &x [1, *x]\n").getMessage()).isEqualTo("an alias refers to the node that contains it");
    assertThat(invalid("a: *nothing\n").getMessage()).contains("nothing");
    assertThat(invalid("a: [1, 2\n").line()).isEqualTo(2);
    assertThat(invalid("? [a, b]\n: c\n").getMessage()).isEqualTo("a mapping key must be a scalar, not a list");
    assertThat(invalid("a: {<<: 5}\n").getMessage()).isEqualTo("a merge key (<<) needs a mapping or a list of"
        + " mappings");
  }

  @Test
  void anAliasBombIsRefusedQuickly() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [")
          .append(String.join(", ", Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
    }
    assertThat(invalid(bomb.toString()).getMessage()).startsWith("the document contains excessive aliasing");
  }

  @Test
  void modestAliasingIsAccepted() throws Exception {
    StringBuilder text = new StringBuilder("base: &b {name: x, interval: 1m, thresholdRange: {min: 1, max: 2}}\n"
        + "list:\n");
    for (int i = 0; i < 300; i++) {
      text.append("  - *b\n");
    }
    assertThat(one(text.toString()).get("list").size()).isEqualTo(300);
  }

  @Test
  void onlyInvalidYamlIsThrown() {
    assertThatThrownBy(() -> ManifestYaml.parse("\u0000")).isInstanceOf(ManifestYaml.InvalidYaml.class);
    assertThatThrownBy(() -> ManifestYaml.parse("a: !!int abc\n")).isInstanceOf(ManifestYaml.InvalidYaml.class);
    assertThatThrownBy(() -> ManifestYaml.parse("[".repeat(500))).isInstanceOf(ManifestYaml.InvalidYaml.class);
  }
}
