package dev.canarykit.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarykit.core.validation.Violation;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.StreamSupport;

/**
 * Checks a document against a CRD's structural {@code openAPIV3Schema} as the API server does, and prunes what the
 * API server prunes:
 * <ul>
 *   <li>a {@code null} field value is dropped before validation (no field of Flagger's schema is nullable);</li>
 *   <li>{@code type}, {@code x-kubernetes-int-or-string}, {@code enum}, {@code required}, {@code pattern}
 *       (unanchored, as Go's {@code MatchString}), {@code minLength}/{@code maxLength}, {@code maxItems},
 *       {@code minimum}/{@code maximum}, {@code oneOf}, {@code anyOf}, {@code not} and {@code format: date-time}
 *       are enforced; other formats are not, as the API server does not know them;</li>
 *   <li>a field neither in {@code properties} nor allowed by {@code additionalProperties} or
 *       {@code x-kubernetes-preserve-unknown-fields} is pruned: a warning with its full path;</li>
 *   <li>{@code x-kubernetes-validations} (CEL) rules are not evaluated (Flagger has one, on a Gateway API field
 *       canarykit does not use).</li>
 * </ul>
 */
final class SchemaCheck {
  private final List<Violation> violations = new ArrayList<>();
  private final List<FieldWarning> warnings = new ArrayList<>();
  private final java.util.Set<String> mistyped = new java.util.HashSet<>();

  private SchemaCheck() {}

  /**
   * What the schema says of {@code value}.
   *
   * @param violations every rule broken, at its path
   * @param warnings every pruned field, at its path
   * @param mistyped the paths whose value has the wrong type (nothing under them was checked)
   */
  record Findings(List<Violation> violations, List<FieldWarning> warnings, java.util.Set<String> mistyped) {}

  /** Checks {@code value} (at {@code path}) against {@code schema}. */
  static Findings check(JsonNode schema, JsonNode value, String path) {
    SchemaCheck c = new SchemaCheck();
    c.walk(schema, value, path);
    return new Findings(List.copyOf(c.violations), List.copyOf(c.warnings), java.util.Set.copyOf(c.mistyped));
  }

  /** Whether {@code value} satisfies {@code schema}, without findings (for one-of branches). */
  static boolean matches(JsonNode schema, JsonNode value) {
    return check(schema, value, "").violations().isEmpty();
  }

  /** A copy of {@code value} without the fields the API server would prune and without null fields. */
  static JsonNode prune(JsonNode schema, JsonNode value) {
    if (value == null || schema == null || schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
      return value;
    }
    if (value.isObject()) {
      ObjectNode out = ((ObjectNode) value).objectNode();
      for (Map.Entry<String, JsonNode> e : value.properties()) {
        JsonNode child = childSchema(schema, e.getKey());
        if (child != null && !e.getValue().isNull()) {
          out.set(e.getKey(), prune(child, e.getValue()));
        }
      }
      return out;
    }
    if (value.isArray() && schema.has("items")) {
      ArrayNode out = ((ArrayNode) value).arrayNode();
      value.forEach(v -> out.add(prune(schema.get("items"), v)));
      return out;
    }
    return value;
  }

  /** The schema of {@code field} of an object, or {@code null} when the field is pruned. */
  static JsonNode childSchema(JsonNode schema, String field) {
    JsonNode p = schema.path("properties").get(field);
    if (p != null) {
      return p;
    }
    JsonNode additional = schema.get("additionalProperties");
    return additional != null && additional.isObject() ? additional : null;
  }

  private void walk(JsonNode schema, JsonNode value, String path) {
    if (!typeMatches(schema, value, path)) {
      return;
    }
    checkValue(schema, value, path);
    combinators(schema, value, path);
    if (value.isObject()) {
      object(schema, value, path);
    } else if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        walk(schema.get("items"), value.get(i), path + "[" + i + "]");
      }
    }
  }

  private boolean typeMatches(JsonNode schema, JsonNode value, String path) {
    String type = schema.path("type").asText("");
    boolean ok;
    String expected;
    if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
      ok = value.isTextual() || value.isIntegralNumber();
      expected = "must be an integer or a string";
    } else {
      ok = switch (type) {
        case "object" -> value.isObject();
        case "array" -> value.isArray();
        case "string" -> value.isTextual();
        case "integer" -> value.isIntegralNumber();
        case "number" -> value.isNumber();
        case "boolean" -> value.isBoolean();
        default -> true;
      };
      expected = switch (type) {
        case "object" -> "must be an object";
        case "array" -> "must be a list";
        case "string" -> "must be a string";
        case "integer" -> "must be an integer";
        case "number" -> "must be a number";
        default -> "must be true or false";
      };
    }
    if (!ok) {
      mistyped.add(path);
      violations.add(new Violation(path, value.isValueNode() ? value.asText() : null, expected));
    }
    return ok;
  }

  private void checkValue(JsonNode schema, JsonNode value, String path) {
    JsonNode values = schema.get("enum");
    if (values != null && StreamSupport.stream(values.spliterator(), false).noneMatch(value::equals)) {
      violations.add(new Violation(path, value.asText(), "must be one of: " + enumText(values)));
    }
    if (value.isTextual()) {
      text(schema, value.asText(), path);
    }
    if (value.isNumber()) {
      double v = value.asDouble();
      if (schema.has("minimum") && v < schema.get("minimum").asDouble()) {
        violations.add(new Violation(path, value.asText(), "must be at least " + schema.get("minimum").asText()));
      }
      if (schema.has("maximum") && v > schema.get("maximum").asDouble()) {
        violations.add(new Violation(path, value.asText(), "must be at most " + schema.get("maximum").asText()));
      }
    }
    if (value.isArray() && schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
      violations.add(new Violation(path, null, "must have at most " + schema.get("maxItems").asInt() + " items"));
    }
  }

  private void text(JsonNode schema, String s, String path) {
    int length = s.codePointCount(0, s.length());
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      violations.add(new Violation(path, s, "must have at least " + schema.get("minLength").asInt()
          + " characters"));
    }
    if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      violations.add(new Violation(path, s, "must have at most " + schema.get("maxLength").asInt()
          + " characters"));
    }
    if (schema.has("pattern") && !pattern(schema.get("pattern").asText()).matcher(s).find()) {
      violations.add(new Violation(path, s, "must match the pattern " + schema.get("pattern").asText()));
    }
    if ("date-time".equals(schema.path("format").asText()) && !isDateTime(s)) {
      violations.add(new Violation(path, s, "must be an RFC 3339 date-time"));
    }
  }

  private static Pattern pattern(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalStateException("the CRD's pattern " + regex + " is not a Java regex", e);
    }
  }

  private static boolean isDateTime(String s) {
    try {
      OffsetDateTime.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private void combinators(JsonNode schema, JsonNode value, String path) {
    JsonNode oneOf = schema.get("oneOf");
    if (oneOf != null) {
      long n = StreamSupport.stream(oneOf.spliterator(), false).filter(b -> matches(b, value)).count();
      if (n != 1) {
        violations.add(new Violation(path, null, OneOfText.describe(oneOf, n)));
      }
    }
    JsonNode anyOf = schema.get("anyOf");
    if (anyOf != null && StreamSupport.stream(anyOf.spliterator(), false).noneMatch(b -> matches(b, value))) {
      violations.add(new Violation(path, null, OneOfText.describeAny(anyOf)));
    }
    JsonNode not = schema.get("not");
    if (not != null && matches(not, value)) {
      violations.add(new Violation(path, null, "must not match " + OneOfText.describeAny(not.path("anyOf"))));
    }
  }

  private void object(JsonNode schema, JsonNode value, String path) {
    for (JsonNode r : schema.path("required")) {
      JsonNode v = value.get(r.asText());
      if (v == null || v.isNull()) {
        violations.add(new Violation(child(path, r.asText()), null, "is required"));
      }
    }
    boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      JsonNode child = childSchema(schema, e.getKey());
      if (e.getValue().isNull()) {
        continue;
      }
      if (child != null) {
        walk(child, e.getValue(), child(path, e.getKey()));
      } else if (!preserve) {
        warnings.add(new FieldWarning(child(path, e.getKey()), FieldWarning.UNKNOWN));
      }
    }
  }

  private static String child(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private static String enumText(JsonNode values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(v.asText().isEmpty() ? "\"\"" : v.asText()));
    return String.join(", ", out);
  }
}
