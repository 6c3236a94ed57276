package dev.canarykit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricTemplate;
import dev.canarykit.k8s.DocumentCheck;
import dev.canarykit.k8s.FlaggerApi;
import dev.canarykit.k8s.FlaggerDocuments;
import dev.canarykit.k8s.ManifestYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code check} command's files: the Canaries, the MetricTemplates and the Secrets ({@code v1}) their
 * providers reference. Each file must hold at least one Canary; every document must be a mapping, and every Canary
 * and MetricTemplate must be valid (as {@code validate} says; warnings are ignored). Other kinds are ignored.
 * Problems are {@code ERROR <file>:<line>: <reason>} lines (line 0 for the whole file), as {@code validate} prints.
 */
final class CheckFiles {
  private final List<Canary> canaries = new ArrayList<>();
  private final Map<String, Located<MetricTemplate>> templates = new LinkedHashMap<>();
  private final FileSecrets.Builder secrets = FileSecrets.builder();
  private final List<String> errors = new ArrayList<>();

  private CheckFiles() {}

  /**
   * What the files hold.
   *
   * @param canaries every Canary in file and document order
   * @param templates every MetricTemplate
   * @param secrets the Secrets of the files
   * @param errors {@code ERROR} lines; when not empty, nothing should be queried
   */
  record Loaded(List<Canary> canaries, List<MetricTemplate> templates, FileSecrets secrets, List<String> errors) {}

  private record Located<T>(T value, String where) {}

  /** Reads {@code files} (as given on the command line). */
  static Loaded load(List<String> files) {
    CheckFiles f = new CheckFiles();
    files.forEach(f::file);
    return new Loaded(List.copyOf(f.canaries), f.templates.values().stream().map(Located::value).toList(),
        f.secrets.build(), List.copyOf(f.errors));
  }

  private void file(String file) {
    Optional<List<ManifestYaml.Document>> docs = ManifestValidator.read(file, this::error);
    if (docs.isEmpty()) {
      return;
    }
    int canariesBefore = canaries.size();
    int errorsBefore = errors.size();
    docs.get().forEach(d -> document(file, d));
    if (canaries.size() == canariesBefore && errors.size() == errorsBefore) {
      error(file, 0, "no Canary (apiVersion " + FlaggerApi.API_VERSION + ", kind Canary)");
    }
  }

  private void document(String file, ManifestYaml.Document d) {
    JsonNode tree = d.tree();
    if (!tree.isObject()) {
      error(file, d.line(), "document is not a Kubernetes object (a YAML mapping)");
      return;
    }
    if (FileSecrets.isSecret(tree)) {
      secrets.add(tree).ifPresent(reason -> error(file, d.line(), reason));
      return;
    }
    DocumentCheck c = FlaggerDocuments.check(tree);
    if (!c.checked() || c.kind().equals("AlertProvider")) {
      return;
    }
    String id = c.kind() + " " + c.namespace() + "/" + c.name();
    if (!c.valid()) {
      c.violations().forEach(v -> error(file, d.line(), id + ": " + v.path() + ": " + v.message()));
      return;
    }
    String where = file + ":" + d.line();
    if (c.kind().equals("Canary")) {
      CheckMapping.canary(tree).ifPresentOrElse(canaries::add, () -> error(file, d.line(), id + ": unreadable"));
      return;
    }
    Located<MetricTemplate> previous = templates.get(id);
    if (previous != null) {
      error(file, d.line(), id + ": defined twice (also at " + previous.where() + ")");
      return;
    }
    CheckMapping.template(tree).ifPresentOrElse(t -> templates.put(id, new Located<>(t, where)),
        () -> error(file, d.line(), id + ": unreadable"));
  }

  private void error(String file, int line, String reason) {
    errors.add("ERROR " + file + ":" + line + ": " + reason);
  }
}
