package dev.canarykit.core.testing;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.WebhookClient;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * Webhooks answered in memory, per hook name: the next queued answer if any, else the hook's fixed answer, else
 * {@link Outcome#OK}. Every call is recorded.
 */
public final class InMemoryWebhookClient implements WebhookClient {
  private final Map<String, Outcome.OkResult> fixed = new HashMap<>();
  private final Map<String, Queue<Outcome.OkResult>> queued = new HashMap<>();
  private final List<Command.CallWebhook> calls = new ArrayList<>();

  /** Answers {@link Outcome#OK} for {@code hook} from now on. */
  public synchronized InMemoryWebhookClient approve(String hook) {
    return answer(hook, Outcome.OK);
  }

  /** Answers a failure with {@code message} for {@code hook} from now on. */
  public synchronized InMemoryWebhookClient reject(String hook, String message) {
    return answer(hook, new Outcome.Failed(message));
  }

  /** Answers {@code outcome} for {@code hook} from now on. */
  public synchronized InMemoryWebhookClient answer(String hook, Outcome.OkResult outcome) {
    fixed.put(hook, outcome);
    return this;
  }

  /** Queues answers for {@code hook}, used one per call before its fixed answer. */
  public synchronized InMemoryWebhookClient queue(String hook, Outcome.OkResult... outcomes) {
    queued.computeIfAbsent(hook, h -> new ArrayDeque<>()).addAll(List.of(outcomes));
    return this;
  }

  /** Every call so far, in order. */
  public synchronized List<Command.CallWebhook> calls() {
    return List.copyOf(calls);
  }

  /** The names of the hooks called so far, in order. */
  public synchronized List<String> calledHooks() {
    return calls.stream().map(c -> c.hook().name()).toList();
  }

  /** How many times {@code hook} was called. */
  public synchronized int count(String hook) {
    return (int) calls.stream().filter(c -> c.hook().name().equals(hook)).count();
  }

  @Override
  public synchronized Outcome.OkResult call(Canary canary, Command.CallWebhook call) {
    calls.add(call);
    String name = call.hook().name();
    Outcome.OkResult next = queued.getOrDefault(name, new ArrayDeque<>()).poll();
    return next != null ? next : fixed.getOrDefault(name, Outcome.OK);
  }
}
