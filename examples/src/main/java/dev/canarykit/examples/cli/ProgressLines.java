package dev.canarykit.examples.cli;

import dev.canarykit.core.backtest.Backtest;
import dev.canarykit.core.backtest.ReleaseWindow;
import java.io.PrintWriter;

/**
 * Progress of a long backtest on standard error: a line when each release starts (with several releases) and, for
 * a release of at least {@value #LONG} ticks, a line at every tenth of its ticks.
 */
final class ProgressLines implements Backtest.Progress {
  /** Releases with at least this many ticks report their progress. */
  static final int LONG = 100;

  private final PrintWriter err;
  private final int releases;
  private int started;
  private ReleaseWindow current;

  ProgressLines(PrintWriter err, int releases) {
    this.err = err;
    this.releases = releases;
  }

  @Override
  public void observed(ReleaseWindow window, int observed, int ticks) {
    if (window != current) {
      current = window;
      started++;
      if (releases > 1) {
        err.println("backtest: release " + started + "/" + releases + " " + window.name());
      }
    }
    if (ticks >= LONG && observed * 10 / ticks != (observed - 1) * 10 / ticks) {
      err.println("backtest: " + window.name() + ": " + observed + "/" + ticks + " ticks read");
    }
    err.flush();
  }
}
