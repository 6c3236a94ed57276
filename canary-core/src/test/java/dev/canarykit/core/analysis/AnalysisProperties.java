package dev.canarykit.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Invariants of the machine over random valid specs and random metric, webhook, readiness and router outcomes. */
class AnalysisProperties {
  private static final int TICKS = 60;

  @Property(tries = 300)
  void invariantsHoldOnEveryTick(@ForAll long seed) {
    Random rnd = new Random(seed);
    World w = new World(RandomCanaries.canary(rnd));
    w.override = c -> RandomCanaries.answer(rnd, c);
    for (int i = 0; i < TICKS; i++) {
      if (rnd.nextInt(8) == 0) {
        w.targetHash = "rev" + rnd.nextInt(4);
      }
      CanaryStatus before = w.status;
      int from = w.commands.size();
      w.tick();
      checkTick(w, before, w.commands.subList(from, w.commands.size()), w.tickInputs.get(w.tickInputs.size() - 1));
    }
  }

  private static void checkTick(World w, CanaryStatus before, List<Command<?>> commands, List<Outcome> outcomes) {
    assertThat(w.primaryWeight()).isBetween(0, 100);
    assertThat(w.canaryWeight()).isBetween(0, 100);
    assertThat(w.primaryWeight() + w.canaryWeight()).isEqualTo(100);
    assertThat(w.status.canaryWeight()).isBetween(0, 100);
    assertThat(w.status.failedChecks()).isNotNegative();
    assertThat(w.status.iterations()).isNotNegative();
    assertThat(PhaseTable.isLegal(before.phase(), w.status.phase())).isTrue();
    noPromotionAtThreshold(w, before, commands);
    routerFailureFreezes(w, before, commands, outcomes);
    rollbackRoutesAtOnce(w, before, commands);
  }

  private static void noPromotionAtThreshold(World w, CanaryStatus before, List<Command<?>> commands) {
    boolean analysing = before.phase() == Phase.PROGRESSING || before.phase() == Phase.WAITING_PROMOTION;
    int threshold = w.machine.canary().spec().analysisOrEmpty().thresholdOrDefault();
    if (analysing && before.failedChecks() >= threshold && !w.machine.canary().spec().skipsAnalysis()) {
      assertThat(commands).noneMatch(c -> c instanceof Command.Promote);
      assertThat(w.status.phase()).isIn(before.phase(), Phase.FAILED, Phase.PROGRESSING);
    }
  }

  /** After a failed SetRoutes the tick issues nothing else, and a rollback does not complete. */
  private static void routerFailureFreezes(World w, CanaryStatus before, List<Command<?>> cmds, List<Outcome> out) {
    for (int i = 0; i < cmds.size(); i++) {
      if (cmds.get(i) instanceof Command.SetRoutes && out.get(i) instanceof Outcome.Failed) {
        assertThat(cmds.subList(i + 1, cmds.size())).as("commands after a router failure").isEmpty();
        if (before.phase() != Phase.FAILED) {
          assertThat(w.status.phase()).isNotEqualTo(Phase.FAILED);
        }
      }
    }
  }

  /** Entering Failed routes everything to the primary (or to the canary after a failed promotion) in that tick. */
  private static void rollbackRoutesAtOnce(World w, CanaryStatus before, List<Command<?>> commands) {
    if (w.status.phase() != Phase.FAILED || before.phase() == Phase.FAILED) {
      return;
    }
    Command.SetRoutes last = (Command.SetRoutes) commands.stream().filter(c -> c instanceof Command.SetRoutes)
        .reduce((a, b) -> b).orElseThrow();
    boolean promotionFailed = w.status.canaryWeight() == 100;
    assertThat(last.canaryWeight()).isEqualTo(promotionFailed ? 100 : 0);
    assertThat(last.mirrored()).isFalse();
    assertThat(w.canaryWeight()).isEqualTo(last.canaryWeight());
  }

  @Property(tries = 100)
  void replayingTheRecordedInputsReproducesEveryTransition(@ForAll long seed) {
    Random rnd = new Random(seed);
    World w = new World(RandomCanaries.canary(rnd));
    w.override = c -> RandomCanaries.answer(rnd, c);
    for (int i = 0; i < 40; i++) {
      if (rnd.nextInt(8) == 0) {
        w.targetHash = "rev" + rnd.nextInt(4);
      }
      w.tick();
    }
    CanaryAnalysis fresh = CanaryAnalysis.of(w.machine.canary());
    List<String> events = new ArrayList<>();
    for (int i = 0; i < w.tickInputs.size(); i++) {
      CanaryStatus expectedEnd = i + 1 < w.tickStarts.size() ? w.tickStarts.get(i + 1) : w.status;
      assertThat(replay(fresh, w.tickStarts.get(i), w.tickInputs.get(i), w.tickTimes.get(i), events))
          .isEqualTo(expectedEnd);
    }
    assertThat(events).isEqualTo(w.events);
  }

  private static CanaryStatus replay(CanaryAnalysis m, CanaryStatus start, List<Outcome> outcomes, Instant now,
      List<String> events) {
    Transition tr = m.step(TickInput.start(start, now, World.ENTROPY));
    tr.events().forEach(e -> events.add(e.toString()));
    for (Outcome o : outcomes) {
      tr = m.step(tr.nextInput().with(o));
      tr.events().forEach(e -> events.add(e.toString()));
    }
    assertThat(tr.complete()).isTrue();
    return tr.status();
  }
}
