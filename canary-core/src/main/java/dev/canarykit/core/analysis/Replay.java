package dev.canarykit.core.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How the machine resumes a tick without keeping anything between steps: it replays the tick's record.
 *
 * <p>The tick's logic ({@link TickFlow}) is straight-line code that asks for each outcome it needs through
 * {@link #answer}. A step runs that code from the top. While the input has recorded answers, {@code answer}
 * returns them in order (after checking each has the type its command declares), so the code takes the same path
 * as before and rebuilds the same state. At the first command without an answer, {@code answer} ends the
 * evaluation by throwing {@link Ask}, a private, stackless exception caught only by {@link #run}, and the step
 * returns that command. So a tick of n commands runs the code n + 1 times; only what happens after the last
 * recorded answer is new (see {@link #replaying()}).
 *
 * <p>Why replay: the record (start status, time, entropy, outcomes) is all the state a tick has, so any tick can
 * be replayed bit for bit from its record, the machine stores nothing between steps, and the logic reads in
 * Flagger's order instead of as a hand-written state machine. It costs the repeated evaluations, measured in
 * {@code docs/benchmarks.md}.
 */
final class Replay {
  /** The records that make up each answer type: its permitted subclasses, all records. */
  private static final ClassValue<Class<?>[]> MEMBERS = new ClassValue<>() {
    @Override
    protected Class<?>[] computeValue(Class<?> answerType) {
      return answerType.getPermittedSubclasses();
    }
  };

  private final List<Outcome> answers;
  private final int asked;
  private final int limit;
  private int cursor;

  /**
   * @param input the step's input
   * @param limit the most commands one tick may ask for
   */
  Replay(TickInput input, int limit) {
    this.answers = input.outcomes();
    this.asked = input.asked();
    this.limit = limit;
  }

  /**
   * Runs {@code flow} over the record.
   *
   * @return the first command without an answer, or {@code null} when the flow completed
   * @throws IllegalArgumentException if an answer has the wrong type, the last command asked has no answer, or
   *     the flow completed with answers left over (the input is not this tick's record)
   */
  Command<?> run(TickFlow flow) {
    try {
      flow.run();
    } catch (Ask a) {
      return a.command;
    }
    if (cursor != answers.size()) {
      throw new IllegalArgumentException(
          "the tick completed after " + cursor + " answers but the input has " + answers.size());
    }
    return null;
  }

  /**
   * The recorded answer of {@code command}, the next command of the tick; without one, ends the evaluation to ask
   * for it. Kept tiny so that it inlines where the command's type is known, and the type check is a constant one.
   */
  <R extends Outcome> R answer(Command<R> command) {
    if (cursor < answers.size()) {
      Object answer = answers.get(cursor++);
      if (answers(command.answerType(), answer.getClass())) {
        @SuppressWarnings("unchecked") // the answer's class is a member of R
        R typed = (R) answer;
        return typed;
      }
      throw wrongAnswer(command, answer);
    }
    throw unanswered(command);
  }

  /** Whether the evaluation is still before the last recorded answer, rebuilding what earlier steps decided. */
  boolean replaying() {
    return cursor < answers.size();
  }

  /**
   * Whether an answer of class {@code answer} answers a command of {@code type}. Compares classes, not
   * {@code instanceof}: the JDK caches one interface per class for type checks, and checking one record
   * alternately against {@link Outcome} and against its answer type misses that cache each time (a step took
   * three to five times as long, measured with {@code StepBenchmark}).
   */
  private static boolean answers(Class<?> type, Class<?> answer) {
    for (Class<?> member : MEMBERS.get(type)) {
      if (member == answer) {
        return true;
      }
    }
    return false;
  }

  private IllegalArgumentException wrongAnswer(Command<?> command, Object answer) {
    return new IllegalArgumentException("answer " + cursor + " of the tick, " + answer + ", does not answer "
        + command + ": expected " + expected(command));
  }

  /** Why the evaluation stops at {@code command}, which has no recorded answer: normally to ask for it. */
  private RuntimeException unanswered(Command<?> command) {
    if (cursor < asked) {
      return new IllegalArgumentException("no answer for " + command + ", command " + (cursor + 1) + " of the "
          + "tick: the input answers " + answers.size() + " of the " + asked + " commands asked; answer each with "
          + expected(command));
    }
    if (cursor >= limit) {
      return new IllegalStateException("the tick asked for more than " + limit + " commands; the last was "
          + command);
    }
    return new Ask(command);
  }

  /** {@code Outcome.RevisionResult (Outcome.Revision or Outcome.Failed)}: the command's answer type. */
  static String expected(Command<?> command) {
    Class<?> type = command.answerType();
    return "Outcome." + type.getSimpleName() + " (" + Arrays.stream(MEMBERS.get(type))
        .map(c -> "Outcome." + c.getSimpleName()).collect(Collectors.joining(" or ")) + ")";
  }

  /** Ends an evaluation to ask for {@code command}. No stack trace: it is control flow, not an error. */
  private static final class Ask extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Command<?> command;

    Ask(Command<?> command) {
      super(null, null, false, false);
      this.command = command;
    }
  }
}
