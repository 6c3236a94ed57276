package dev.canarykit.core.analysis;

import java.util.List;

/**
 * The input of one step: the outcomes of the commands executed so far in this tick, in order, and fresh
 * randomness for values the machine may need to invent (session-affinity cookie values).
 *
 * @param outcomes one outcome per command already executed in this tick
 * @param entropy at least 20 random ASCII letters; only used when a new cookie is needed
 */
public record TickInput(List<Outcome> outcomes, String entropy) {
  public TickInput {
    outcomes = List.copyOf(outcomes);
    entropy = entropy == null ? "" : entropy;
  }

  /** The input that starts a tick. */
  public static TickInput start(String entropy) {
    return new TickInput(List.of(), entropy);
  }

  /** This input with one more outcome. */
  public TickInput with(Outcome outcome) {
    Outcome[] next = outcomes.toArray(new Outcome[outcomes.size() + 1]);
    next[outcomes.size()] = outcome;
    return new TickInput(List.of(next), entropy);
  }
}
