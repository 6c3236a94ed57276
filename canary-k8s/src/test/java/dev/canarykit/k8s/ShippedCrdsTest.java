package dev.canarykit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The CRDs canarykit ships are Flagger v1.44.0's, field by field, apart from canarykit's documented additions:
 * names, scope, versions, subresources, printer columns, and every validation keyword of the schema (types,
 * required fields, enums, one-of rules, patterns, formats, bounds, defaults, int-or-string, CEL rules). Only
 * descriptions may differ.
 */
class ShippedCrdsTest {
  /** canarykit's additions (docs/decisions.md, Alerts): the generic alert provider type. */
  static final List<String> ADDITIONS = List.of(
      "AlertProvider schema.properties.spec.properties.type.enum: Flagger [slack, msteams, discord, rocket, gchat]"
          + ", canarykit [slack, msteams, discord, rocket, gchat, generic]");

  private static Map<String, JsonNode> byKind(List<JsonNode> crds) {
    return crds.stream().collect(Collectors.toMap(c -> c.path("spec").path("names").path("kind").asText(),
        Function.identity()));
  }

  private static List<JsonNode> flagger() throws Exception {
    return ManifestYaml.parse(Yaml.resource("/flagger/crd-v1.44.0.yaml")).stream()
        .map(ManifestYaml.Document::tree).toList();
  }

  private static List<JsonNode> shipped() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String f : FlaggerCrds.FILES) {
      out.add(ManifestYaml.parse(Yaml.resource("/" + FlaggerCrds.DIRECTORY + f)).get(0).tree());
    }
    return out;
  }

  @Test
  void theShippedCrdsAreFlaggersFieldByFieldApartFromTheDocumentedAdditions() throws Exception {
    Map<String, JsonNode> theirs = byKind(flagger());
    Map<String, JsonNode> ours = byKind(shipped());
    assertThat(ours.keySet()).isEqualTo(theirs.keySet());
    List<String> differences = new ArrayList<>();
    for (String kind : theirs.keySet()) {
      JsonNode t = theirs.get(kind).path("spec");
      JsonNode o = ours.get(kind).path("spec");
      for (String f : List.of("group", "names", "scope")) {
        same(kind + " " + f, t.get(f), o.get(f), differences);
      }
      JsonNode tv = t.path("versions").get(0);
      JsonNode ov = o.path("versions").get(0);
      assertThat(o.path("versions").size()).isEqualTo(t.path("versions").size());
      for (String f : List.of("name", "served", "storage", "subresources", "additionalPrinterColumns")) {
        same(kind + " " + f, tv.get(f), ov.get(f), differences);
      }
      compare(kind + " schema", tv.path("schema").path("openAPIV3Schema"),
          ov.path("schema").path("openAPIV3Schema"), differences);
    }
    assertThat(differences).containsExactlyElementsOf(ADDITIONS);
  }

  @Test
  void kubectlGetCanariesShowsFlaggersTenColumns() throws Exception {
    JsonNode canary = byKind(shipped()).get("Canary");
    List<String> columns = new ArrayList<>();
    canary.path("spec").path("versions").get(0).path("additionalPrinterColumns")
        .forEach(c -> columns.add(c.path("name").asText() + " " + c.path("jsonPath").asText()));
    assertThat(columns).containsExactly("Status .status.phase", "Weight .status.canaryWeight",
        "Suspended .spec.suspend", "FailedChecks .status.failedChecks", "Interval .spec.analysis.interval",
        "Mirror .spec.analysis.mirror", "StepWeight .spec.analysis.stepWeight",
        "StepWeights .spec.analysis.stepWeights", "MaxWeight .spec.analysis.maxWeight",
        "LastTransitionTime .status.lastTransitionTime");
  }

  private static void same(String path, JsonNode theirs, JsonNode ours, List<String> out) {
    if (theirs == null ? ours != null : !theirs.equals(ours)) {
      out.add(path + ": Flagger " + theirs + ", canarykit " + ours);
    }
  }

  /** Every keyword but descriptions, recursively through properties, items, additionalProperties and combinators. */
  private static void compare(String path, JsonNode theirs, JsonNode ours, List<String> out) {
    TreeSet<String> keys = new TreeSet<>();
    theirs.fieldNames().forEachRemaining(keys::add);
    ours.fieldNames().forEachRemaining(keys::add);
    keys.remove("description");
    for (String k : keys) {
      JsonNode t = theirs.get(k);
      JsonNode o = ours.get(k);
      String at = path + "." + k;
      if (t == null || o == null) {
        out.add(at + ": Flagger " + (t == null ? "absent" : "present") + ", canarykit "
            + (o == null ? "absent" : "present"));
      } else if (k.equals("properties")) {
        TreeSet<String> fields = new TreeSet<>();
        t.fieldNames().forEachRemaining(fields::add);
        o.fieldNames().forEachRemaining(fields::add);
        for (String f : fields) {
          if (t.has(f) && o.has(f)) {
            compare(at + "." + f, t.get(f), o.get(f), out);
          } else {
            out.add(at + "." + f + ": only in " + (t.has(f) ? "Flagger" : "canarykit"));
          }
        }
      } else if ((k.equals("items") || k.equals("additionalProperties") || k.equals("not")) && t.isObject()
          && o.isObject()) {
        compare(at, t, o, out);
      } else if ((k.equals("oneOf") || k.equals("anyOf") || k.equals("allOf")) && t.size() == o.size()) {
        for (int i = 0; i < t.size(); i++) {
          compare(at + "[" + i + "]", t.get(i), o.get(i), out);
        }
      } else if (k.equals("enum") && !t.equals(o)) {
        out.add(at + ": Flagger " + texts(t) + ", canarykit " + texts(o));
      } else {
        same(at, t, o, out);
      }
    }
  }

  private static String texts(JsonNode values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(v.asText()));
    return out.toString();
  }
}
