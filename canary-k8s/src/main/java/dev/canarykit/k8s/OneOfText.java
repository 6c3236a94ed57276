package dev.canarykit.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Messages for the one-of rules of Flagger's schema, which are all choices between sets of required fields
 * ({@code analysis}: interval, threshold and one of iterations, stepWeight, stepWeights; an AlertProvider: type and
 * one of address, secretRef; an Istio string match: at most one of exact, prefix, regex).
 */
final class OneOfText {
  private OneOfText() {}

  /** Why {@code matched} branches of {@code oneOf} (not exactly one) matched. */
  static String describe(JsonNode oneOf, long matched) {
    List<Set<String>> sets = requiredSets(oneOf);
    Set<String> common = new LinkedHashSet<>(sets.isEmpty() ? Set.of() : sets.get(0));
    sets.forEach(common::retainAll);
    Set<String> choices = new LinkedHashSet<>();
    sets.forEach(s -> s.stream().filter(f -> !common.contains(f)).forEach(choices::add));
    String options = String.join(", ", choices);
    if (matched > 1) {
      return "sets more than one of " + options + " (Flagger's schema allows one)";
    }
    return "needs " + (common.isEmpty() ? "" : String.join(", ", common) + " and ") + "exactly one of " + options;
  }

  /** Why no branch of {@code anyOf} matched. */
  static String describeAny(JsonNode anyOf) {
    Set<String> fields = new LinkedHashSet<>();
    requiredSets(anyOf).forEach(fields::addAll);
    return "needs one of " + String.join(", ", fields);
  }

  private static List<Set<String>> requiredSets(JsonNode branches) {
    List<Set<String>> out = new ArrayList<>();
    for (JsonNode b : branches) {
      if (b.has("required")) {
        Set<String> s = new LinkedHashSet<>();
        b.get("required").forEach(r -> s.add(r.asText()));
        out.add(s);
      }
    }
    return out;
  }
}
