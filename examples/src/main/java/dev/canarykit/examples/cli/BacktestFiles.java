package dev.canarykit.examples.cli;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.MetricTemplateLookup;
import java.util.List;

/**
 * Reads the {@code backtest} command's {@code --canary} file as {@code check} reads its files ({@link CheckFiles}):
 * exactly one valid Canary, and the MetricTemplates and Secrets it may use.
 *
 * @param canary the Canary
 * @param templates the file's MetricTemplates
 * @param secrets the file's Secrets
 */
record BacktestFiles(Canary canary, MetricTemplateLookup templates, FileSecrets secrets) {

  /** The file cannot be used; the message holds every {@code ERROR} line's text. */
  static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(String message) {
      super(message);
    }
  }

  static BacktestFiles load(String file) throws Unusable {
    CheckFiles.Loaded loaded = CheckFiles.load(List.of(file));
    if (!loaded.errors().isEmpty()) {
      throw new Unusable(String.join("\n", loaded.errors().stream().map(l -> l.replaceFirst("^ERROR ", "")).toList()));
    }
    if (loaded.canaries().size() != 1) {
      throw new Unusable(file + ": holds " + loaded.canaries().size() + " Canaries; a backtest replays one");
    }
    return new BacktestFiles(loaded.canaries().get(0), MetricTemplateLookup.of(loaded.templates()),
        loaded.secrets());
  }
}
