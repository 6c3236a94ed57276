package dev.canarykit.core.analysis;

import static dev.canarykit.core.model.Phase.FAILED;
import static dev.canarykit.core.model.Phase.FINALISING;
import static dev.canarykit.core.model.Phase.INITIALIZED;
import static dev.canarykit.core.model.Phase.INITIALIZING;
import static dev.canarykit.core.model.Phase.PROGRESSING;
import static dev.canarykit.core.model.Phase.PROMOTING;
import static dev.canarykit.core.model.Phase.SUCCEEDED;
import static dev.canarykit.core.model.Phase.TERMINATED;
import static dev.canarykit.core.model.Phase.TERMINATING;
import static dev.canarykit.core.model.Phase.WAITING;
import static dev.canarykit.core.model.Phase.WAITING_PROMOTION;

import dev.canarykit.core.model.Phase;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every legal phase change, in one table. Rewriting the current phase is always legal. The machine changes
 * phase only through {@link #require}, so it cannot produce a move that is not listed here.
 */
final class PhaseTable {
  private static final Map<Phase, Set<Phase>> LEGAL = new EnumMap<>(Phase.class);

  static {
    allow(INITIALIZING, INITIALIZED, FAILED);
    allow(INITIALIZED, PROGRESSING, WAITING, FAILED);
    // Waiting -> Failed: non-retriable primary, or a rollback webhook while waiting (docs/decisions.md).
    allow(WAITING, PROGRESSING, FAILED);
    allow(PROGRESSING, WAITING_PROMOTION, PROMOTING, SUCCEEDED, FAILED);
    allow(WAITING_PROMOTION, PROGRESSING, PROMOTING, SUCCEEDED, FAILED);
    allow(PROMOTING, FINALISING, SUCCEEDED, FAILED);
    allow(FINALISING, SUCCEEDED, FAILED);
    allow(SUCCEEDED, PROGRESSING, WAITING, FAILED);
    allow(FAILED, PROGRESSING, WAITING);
    allow(TERMINATING, TERMINATED);
    allow(TERMINATED);
    for (Phase p : Phase.values()) {
      if (p != TERMINATING && p != TERMINATED) {
        LEGAL.get(p).add(TERMINATING);
      }
    }
  }

  private PhaseTable() {}

  private static void allow(Phase from, Phase... to) {
    Set<Phase> set = EnumSet.noneOf(Phase.class);
    Collections.addAll(set, to);
    LEGAL.put(from, set);
  }

  /** Whether moving from {@code from} to {@code to} is legal. */
  public static boolean isLegal(Phase from, Phase to) {
    return from == to || LEGAL.get(from).contains(to);
  }

  /** The phases reachable from {@code from} in one move (excluding itself). */
  public static Set<Phase> next(Phase from) {
    return Collections.unmodifiableSet(LEGAL.get(from));
  }

  /**
   * Checks a move.
   *
   * @throws IllegalStateException naming both phases when the move is illegal
   */
  public static void require(Phase from, Phase to) {
    if (!isLegal(from, to)) {
      throw new IllegalStateException("illegal phase transition " + from.wireName() + " -> " + to.wireName());
    }
  }
}
