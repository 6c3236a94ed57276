package dev.canarykit.examples.cli;

import dev.canarykit.k8s.DocumentCheck;
import dev.canarykit.k8s.FlaggerDocuments;
import dev.canarykit.k8s.ManifestYaml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Checks manifest files and prints one line per finding (see {@link ValidateCommand}); remembers the exit code.
 * A file that cannot be read or parsed prints {@code ERROR <file>:<line>: <reason>} to stderr (line 0 when it
 * cannot be read at all) and the next file is still checked.
 */
final class ManifestValidator {
  private final PrintWriter out;
  private final PrintWriter err;
  private boolean invalid;
  private boolean error;

  ManifestValidator(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** Checks {@code file} (as given on the command line). */
  void validate(String file) {
    for (ManifestYaml.Document d : read(file, this::error).orElse(List.of())) {
      try {
        document(file, d);
      } catch (RuntimeException e) {
        // A bug in a check must not hide the other documents or end in a stack trace.
        error(file, d.line(), "cannot check the document: " + e);
      }
    }
  }

  /** 0 when everything was valid, 1 when something was invalid, 2 when a file failed (2 wins). */
  int exitCode() {
    return error ? Cli.ERROR : invalid ? Cli.INVALID : Cli.OK;
  }

  private void document(String file, ManifestYaml.Document d) {
    if (!d.tree().isObject()) {
      error(file, d.line(), "document is not a Kubernetes object (a YAML mapping)");
      return;
    }
    DocumentCheck c = FlaggerDocuments.check(d.tree());
    if (c.kind() == null || c.kind().isEmpty()) {
      error(file, d.line(), c.violations().isEmpty() ? "document has no kind"
          : c.violations().get(0).path() + ": " + c.violations().get(0).message());
      return;
    }
    String id = file + " " + c.kind() + " " + c.namespace() + "/" + c.name();
    if (!c.checked()) {
      out.println("SKIP " + id);
      return;
    }
    if (c.valid()) {
      out.println("OK " + id);
    }
    c.violations().forEach(v -> out.println("INVALID " + id + ": " + v.path() + ": " + v.message()));
    c.warnings().forEach(w -> out.println("WARN " + id + ": " + w.path() + ": " + w.message()));
    invalid |= !c.valid();
  }

  private void error(String file, int line, String reason) {
    err.println("ERROR " + file + ":" + line + ": " + reason);
    error = true;
  }

  /** Where the errors of a file go, as {@code ERROR <file>:<line>: <reason>}. */
  interface Errors {
    void error(String file, int line, String reason);
  }

  /**
   * The YAML documents of {@code file}, or empty once {@code errors} was told why there are none: the file cannot
   * be read (line 0) or is not YAML (at its line).
   */
  static Optional<List<ManifestYaml.Document>> read(String file, Errors errors) {
    String text;
    try {
      text = Files.readString(Path.of(file));
    } catch (IOException | InvalidPathException e) {
      errors.error(file, 0, "cannot read: " + reason(e));
      return Optional.empty();
    }
    try {
      return Optional.of(ManifestYaml.parse(text));
    } catch (ManifestYaml.InvalidYaml e) {
      errors.error(file, e.line(), "not YAML: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static String reason(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof MalformedInputException) {
      return "not UTF-8 text";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
