package dev.canarykit.core.analysis;

import dev.canarykit.core.model.CanaryStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The input of one step, and the record of a tick so far: the status the tick started from, its time, fresh
 * randomness for values the machine may need to invent (session-affinity cookie values), and the outcomes of the
 * commands answered so far, in order.
 *
 * <p>Start a tick with {@link #start}; continue it with {@link Transition#nextInput()}, which expects the answers
 * of that transition's commands, and add each with {@link #with}. The start status and the time travel with the
 * input, so no step can be given another status (say, a transition's mid-tick status) or another time.
 */
public final class TickInput {
  private final CanaryStatus status;
  private final Instant now;
  private final String entropy;
  private final List<Outcome> outcomes;
  private final int asked;

  private TickInput(CanaryStatus status, Instant now, String entropy, List<Outcome> outcomes, int asked) {
    this.status = status;
    this.now = now;
    this.entropy = entropy;
    this.outcomes = outcomes;
    this.asked = asked;
  }

  /**
   * The input that starts a tick.
   *
   * @param status the persisted status, as read at the start of the tick
   * @param now the tick's time
   * @param entropy at least 20 random ASCII letters; only used when a new cookie is needed ({@code null}: none)
   */
  public static TickInput start(CanaryStatus status, Instant now, String entropy) {
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(now, "now == null");
    return new TickInput(status, now, entropy == null ? "" : entropy, List.of(), 0);
  }

  /**
   * This input with the answer of the next unanswered command.
   *
   * @throws NullPointerException if {@code outcome} is null: answer a failure with {@link Outcome.Failed}
   * @throws IllegalStateException if every command asked so far already has its answer
   */
  public TickInput with(Outcome outcome) {
    int n = outcomes.size();
    if (outcome == null) {
      throw new NullPointerException("answer " + (n + 1) + " of the tick is null: answer every command with an "
          + "Outcome, a failure with Outcome.Failed");
    }
    if (n >= asked) {
      throw new IllegalStateException("every command asked so far has its answer (" + asked + "); answer the "
          + "commands of the next transition on its nextInput()");
    }
    Outcome[] next = outcomes.toArray(new Outcome[n + 1]);
    next[n] = outcome;
    return new TickInput(status, now, entropy, List.of(next), asked);
  }

  /** This input expecting the answers of {@code commands} more commands. */
  TickInput asking(int commands) {
    return new TickInput(status, now, entropy, outcomes, asked + commands);
  }

  /** The persisted status the tick started from. */
  public CanaryStatus status() {
    return status;
  }

  /** The tick's time. */
  public Instant now() {
    return now;
  }

  /** The tick's random letters. */
  public String entropy() {
    return entropy;
  }

  /** One outcome per command answered so far in this tick, in order. */
  public List<Outcome> outcomes() {
    return outcomes;
  }

  /** How many commands the tick has asked for so far; a step needs an answer for each. */
  public int asked() {
    return asked;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TickInput i && asked == i.asked && status.equals(i.status) && now.equals(i.now)
        && entropy.equals(i.entropy) && outcomes.equals(i.outcomes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, now, entropy, outcomes, asked);
  }

  @Override
  public String toString() {
    return "TickInput[now=" + now + ", asked=" + asked + ", outcomes=" + outcomes + ", status=" + status + "]";
  }
}
