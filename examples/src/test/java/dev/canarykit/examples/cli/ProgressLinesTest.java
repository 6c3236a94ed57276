package dev.canarykit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.backtest.ReleaseWindow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {
  private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void aLongReleaseReportsEachTenthOfItsTicksAndShortOnesStayQuiet() {
    StringWriter err = new StringWriter();
    ProgressLines p = new ProgressLines(new PrintWriter(err), 2);
    ReleaseWindow day = new ReleaseWindow("day", T, T.plusSeconds(86_400), null);
    ReleaseWindow hour = new ReleaseWindow("hour", T, T.plusSeconds(3_600), null);
    for (int i = 1; i <= 1441; i++) {
      p.observed(day, i, 1441);
    }
    for (int i = 1; i <= 61; i++) {
      p.observed(hour, i, 61);
    }
    assertThat(err.toString().lines()).containsExactly("backtest: release 1/2 day",
        "backtest: day: 145/1441 ticks read", "backtest: day: 289/1441 ticks read",
        "backtest: day: 433/1441 ticks read", "backtest: day: 577/1441 ticks read",
        "backtest: day: 721/1441 ticks read", "backtest: day: 865/1441 ticks read",
        "backtest: day: 1009/1441 ticks read", "backtest: day: 1153/1441 ticks read",
        "backtest: day: 1297/1441 ticks read", "backtest: day: 1441/1441 ticks read",
        "backtest: release 2/2 hour");
  }
}
