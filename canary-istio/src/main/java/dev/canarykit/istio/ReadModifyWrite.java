package dev.canarykit.istio;

import dev.canarykit.core.analysis.Outcome;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads an object (from a cache when there is one), decides a {@link Change} and writes it with the
 * resourceVersion that was read. A conflict (409: the object changed in between, was created in between, or the
 * cache was stale) starts over from a fresh read of the API server, so a decision is never written over a newer
 * object.
 *
 * @param <T> the object type
 */
final class ReadModifyWrite<T> {
  /** Attempts before giving up on an object that keeps changing. */
  static final int MAX_ATTEMPTS = 5;
  private static final int CONFLICT = 409;

  private final String what;
  private final Supplier<T> read;
  private final Supplier<T> fresh;
  private final Consumer<T> create;
  private final Consumer<T> update;

  /**
   * @param what the object's kind and {@code name.namespace}, for messages
   * @param read returns the object (possibly from a cache) or {@code null}, for the first attempt
   * @param fresh returns the object read from the API server or {@code null}, for the attempts after a conflict
   * @param create creates an object
   * @param update replaces an object, failing with 409 when its resourceVersion is stale
   */
  ReadModifyWrite(String what, Supplier<T> read, Supplier<T> fresh, Consumer<T> create, Consumer<T> update) {
    this.what = what;
    this.read = read;
    this.fresh = fresh;
    this.create = create;
    this.update = update;
  }

  /** Runs {@code decide} on fresh reads until its change is written without conflict. */
  Outcome.OkResult run(String action, Function<T, Change<T>> decide) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        Change<T> change = decide.apply(attempt == 1 ? read.get() : fresh.get());
        return apply(change);
      } catch (KubernetesClientException e) {
        if (e.getCode() != CONFLICT) {
          return new Outcome.Failed(what + " " + action + " failed: " + e.getMessage());
        }
      } catch (OwnerLookupException e) {
        return new Outcome.Failed(what + " " + action + " failed: " + e.getMessage());
      }
    }
    return new Outcome.Failed(what + " " + action + " failed: it changed during each of " + MAX_ATTEMPTS
        + " attempts (resourceVersion conflicts)");
  }

  private Outcome.OkResult apply(Change<T> change) {
    if (change.failure() != null) {
      return new Outcome.Failed(change.failure());
    }
    if (change.object() != null) {
      (change.create() ? create : update).accept(change.object());
    }
    return Outcome.OK;
  }
}
