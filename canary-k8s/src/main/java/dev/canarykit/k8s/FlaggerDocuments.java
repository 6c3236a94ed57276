package dev.canarykit.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.validation.Violation;
import dev.canarykit.k8s.resource.AlertProviderResourceSpec;
import dev.canarykit.k8s.resource.CanaryResourceSpec;
import dev.canarykit.k8s.resource.MetricTemplateResourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks raw Kubernetes documents (parsed YAML or JSON) of Flagger's kinds, offline.
 *
 * <pre>{@code
 * DocumentCheck c = FlaggerDocuments.check(yamlMapper.readTree(text));
 * c.violations().forEach(v -> System.out.println(v.path() + ": " + v.message()));
 * }</pre>
 *
 * <p>{@code flagger.app/v1beta1} {@code Canary}, {@code MetricTemplate} and {@code AlertProvider} documents are
 * mapped to the core model and validated by it; every other document is returned unchecked. Fields that are not
 * in Flagger's schema, and Flagger fields canarykit does not use, become {@link FieldWarning}s, never violations.
 * A field of the wrong type is one violation at that field. A template or provider reference is never resolved.
 */
public final class FlaggerDocuments {
  /** The kinds that are checked. */
  public static final Set<String> KINDS = Set.of("Canary", "MetricTemplate", "AlertProvider");
  static final String UNDRIVEN = "canarykit drives only the istio (default) and kubernetes providers: this Canary is"
      + " checked against Flagger's schema but canarykit would not run it";

  private FlaggerDocuments() {}

  /**
   * Checks one document; never throws.
   *
   * @param doc a parsed Kubernetes document (a JSON object); anything else is returned unchecked with a violation
   * @return the verdict; {@link DocumentCheck#checked()} is false for kinds other than Flagger's. When the
   *     document is not an object or its {@code apiVersion} or {@code kind} is not a string, {@code kind} is
   *     {@code null} and the violations say why.
   */
  public static DocumentCheck check(JsonNode doc) {
    if (doc == null || !doc.isObject()) {
      return new DocumentCheck(null, null, "default", "", false,
          List.of(new Violation("", null, "a document must be a mapping (a Kubernetes object)")), List.of());
    }
    List<Violation> identity = DocumentShape.identity(doc);
    String apiVersion = DocumentShape.text(doc.get("apiVersion"));
    String kind = identity.isEmpty() ? DocumentShape.text(doc.get("kind")) : null;
    String name = DocumentShape.text(doc.path("metadata").get("name"));
    String namespace = DocumentShape.text(doc.path("metadata").get("namespace"));
    String shownNs = namespace == null || namespace.isEmpty() ? "default" : namespace;
    String shownName = name == null ? "" : name;
    if (kind != null && KINDS.contains(kind) && apiVersion != null && apiVersion.startsWith(FlaggerApi.GROUP + "/")
        && !FlaggerApi.API_VERSION.equals(apiVersion)) {
      return new DocumentCheck(apiVersion, kind, shownNs, shownName, true, List.of(new Violation("apiVersion",
          apiVersion, "must be " + FlaggerApi.API_VERSION + ", the only version Flagger's CRD serves")), List.of());
    }
    if (kind == null || !FlaggerApi.API_VERSION.equals(apiVersion) || !KINDS.contains(kind)) {
      return new DocumentCheck(apiVersion, kind, shownNs, shownName, false, identity, List.of());
    }
    ObjectNode body = ((ObjectNode) doc).deepCopy();
    body.remove("metadata");
    SchemaCheck.Findings schema = SchemaCheck.check(Schemas.of(kind), body, "");
    ObjectNode pruned = (ObjectNode) SchemaCheck.prune(Schemas.of(kind), body);
    pruned.set("metadata", doc.get("metadata"));
    List<FieldWarning> warnings = new ArrayList<>(schema.warnings());
    List<Violation> violations = new ArrayList<>(DocumentShape.metadata(doc));
    violations.addAll(schema.violations());
    Set<String> reported = violations.stream().map(Violation::path).collect(Collectors.toSet());
    List<Violation> rules = switch (kind) {
      case "Canary" -> canary(pruned, name, namespace, warnings);
      case "MetricTemplate" -> metricTemplate(pruned, name, namespace);
      default -> alertProvider(pruned, name, namespace);
    };
    rules.stream().filter(v -> !reported.contains(v.path()) && schema.mistyped().stream()
        .noneMatch(m -> v.path().startsWith(m + ".") || v.path().startsWith(m + "["))).forEach(violations::add);
    return new DocumentCheck(apiVersion, kind, shownNs, shownName, true, violations,
        DocumentOrder.sort(doc, warnings));
  }

  private static List<Violation> canary(JsonNode doc, String name, String ns, List<FieldWarning> warnings) {
    var read = SpecReader.read(doc.get("spec"), CanaryResourceSpec.class, "spec");
    if (read.error() != null) {
      return List.of(read.error());
    }
    UnusedFields.find(read.value(), warnings);
    Canary canary = canary(doc, name, ns, read.value());
    if (canary.spec() != null && !canary.spec().providerIsDriven()) {
      warnings.add(new FieldWarning("spec.provider", UNDRIVEN));
    }
    List<Violation> violations = new ArrayList<>(canary.validate());
    violations.addAll(IstiodRules.check(canary));
    violations.addAll(CanarykitAnnotations.apply(canary.spec(), annotations(doc)).violations());
    return violations;
  }

  private static Canary canary(JsonNode doc, String name, String ns, CanaryResourceSpec spec) {
    Canary plain = CanaryMapping.toCore(name, ns, spec);
    return new Canary(plain.name(), plain.namespace(),
        CanarykitAnnotations.apply(plain.spec(), annotations(doc)).spec());
  }

  /**
   * The core Canary of a raw document, with canarykit's annotation options applied.
   *
   * @throws IllegalArgumentException naming the problem when the document is not a readable Flagger Canary
   */
  public static Canary toCanary(JsonNode doc) {
    if (doc == null || !FlaggerApi.API_VERSION.equals(DocumentShape.text(doc.get("apiVersion")))
        || !"Canary".equals(DocumentShape.text(doc.get("kind")))) {
      throw new IllegalArgumentException("not a " + FlaggerApi.API_VERSION + " Canary");
    }
    var read = SpecReader.read(SchemaCheck.prune(Schemas.at("Canary", "spec"), doc.get("spec")),
        CanaryResourceSpec.class, "spec");
    if (read.error() != null) {
      throw new IllegalArgumentException(read.error().path() + ": " + read.error().message());
    }
    return canary(doc, DocumentShape.text(doc.path("metadata").get("name")),
        DocumentShape.text(doc.path("metadata").get("namespace")), read.value());
  }

  private static java.util.Map<String, String> annotations(JsonNode doc) {
    JsonNode a = doc.path("metadata").path("annotations");
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    a.properties().forEach(e -> out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : ""));
    return out;
  }

  private static List<Violation> metricTemplate(JsonNode doc, String name, String ns) {
    var read = SpecReader.read(doc.get("spec"), MetricTemplateResourceSpec.class, "spec");
    return read.error() != null ? List.of(read.error()) : MetricTemplateMapping.validate(name, ns, read.value());
  }

  private static List<Violation> alertProvider(JsonNode doc, String name, String ns) {
    var read = SpecReader.read(doc.get("spec"), AlertProviderResourceSpec.class, "spec");
    if (read.error() != null) {
      return List.of(read.error());
    }
    if (read.value() == null) {
      List<Violation> out = new ArrayList<>(MetadataChecks.check(name, ns));
      out.add(new Violation("spec", null, "is required"));
      return out;
    }
    List<Violation> out = new ArrayList<>(AlertProvider.of(name, ns, read.value()).validate());
    var ref = read.value().secretRef();
    if (ref != null && (ref.name() == null || ref.name().isEmpty())) {
      out.add(new Violation("spec.secretRef.name", null, "is required"));
    }
    return out;
  }
}
