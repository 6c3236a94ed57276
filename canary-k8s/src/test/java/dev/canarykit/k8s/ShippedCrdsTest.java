package dev.canarykit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
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
    assertThat(differences(flagger(), shipped())).containsExactlyElementsOf(ADDITIONS);
  }

  /** The comparison is not vacuous: each kind of change to a copy of Flagger's CRDs is a difference. */
  @Test
  void everyFieldByFieldChangeToFlaggersCrdIsADifference() throws Exception {
    Map<String, Consumer<ObjectNode>> mutations = new LinkedHashMap<>();
    mutations.put("Canary schema.properties.spec.required", crd -> schema(crd, "spec").withArray("required")
        .add("service"));
    mutations.put("Canary schema.properties.spec.properties.provider.type", crd -> ((ObjectNode) schema(crd, "spec")
        .path("properties").path("provider")).put("type", "integer"));
    mutations.put("Canary schema.properties.spec.properties.targetRef.properties.kind.enum", crd ->
        ((ArrayNode) schema(crd, "spec").path("properties").path("targetRef").path("properties").path("kind")
            .path("enum")).remove(0));
    mutations.put("Canary schema.properties.spec.properties.analysis.oneOf", crd -> ((ArrayNode) schema(crd, "spec")
        .path("properties").path("analysis").path("oneOf")).remove(0));
    mutations.put("Canary schema.properties.spec.properties.service.properties.match.items.properties.bogus",
        crd -> ((ObjectNode) schema(crd, "spec").path("properties").path("service").path("properties")
            .path("match").path("items").path("properties")).putObject("bogus").put("type", "string"));
    mutations.put("Canary schema.properties.spec.properties.service.properties.port.maximum", crd ->
        ((ObjectNode) schema(crd, "spec").path("properties").path("service").path("properties").path("port"))
            .put("maximum", 65535));
    mutations.put("Canary additionalPrinterColumns", crd -> ((ArrayNode) version(crd)
        .path("additionalPrinterColumns")).remove(2));
    mutations.put("Canary names", crd -> ((ObjectNode) crd.path("spec").path("names")).put("singular", "kanary"));
    for (var mutation : mutations.entrySet()) {
      List<JsonNode> mutated = new ArrayList<>();
      flagger().forEach(crd -> mutated.add(crd.deepCopy()));
      mutation.getValue().accept((ObjectNode) byKind(mutated).get("Canary"));
      assertThat(differences(flagger(), mutated)).as(mutation.getKey())
          .anySatisfy(d -> assertThat(d).startsWith(mutation.getKey() + ":"));
    }
    assertThat(differences(flagger(), flagger())).isEmpty();
  }

  /** Every difference between Flagger's CRDs and {@code ours}, one line each, path first. */
  private static List<String> differences(List<JsonNode> flagger, List<JsonNode> shipped) {
    Map<String, JsonNode> theirs = byKind(flagger);
    Map<String, JsonNode> ours = byKind(shipped);
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
    return differences;
  }

  private static JsonNode version(JsonNode crd) {
    return crd.path("spec").path("versions").get(0);
  }

  private static ObjectNode schema(JsonNode crd, String field) {
    return (ObjectNode) version(crd).path("schema").path("openAPIV3Schema").path("properties").path(field);
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
