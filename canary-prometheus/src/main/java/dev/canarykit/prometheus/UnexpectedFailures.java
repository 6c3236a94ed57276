package dev.canarykit.prometheus;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exceptions that no part of a query expects (a bug, in canarykit or in a caller's {@code HttpClient}): each is
 * turned into a failed query, counted, and logged with its stack trace the first time its kind occurs, its message
 * redacted like every message of the endpoint. Errors ({@link Error}) are never caught.
 */
final class UnexpectedFailures {
  private static final Logger LOG = LoggerFactory.getLogger(PrometheusClient.class);

  private final Set<Class<?>> logged = ConcurrentHashMap.newKeySet();
  private final LongAdder count = new LongAdder();

  /** Counts {@code e}, logs its kind once, and returns the text of the failed query. */
  String record(Endpoint endpoint, RuntimeException e) {
    count.increment();
    String text = "request to " + ApiUrls.base(endpoint.address()) + " failed unexpectedly: "
        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    if (logged.add(e.getClass())) {
      RuntimeException shown = new RuntimeException(endpoint.redact(e.toString()));
      shown.setStackTrace(e.getStackTrace());
      LOG.warn("{} (each kind is logged once; PrometheusClient.unexpectedFailures() counts them)",
          endpoint.redact(text), shown);
    }
    return text;
  }

  /**
   * Counts {@code e}, thrown outside a request (planning a query, counting per version), and logs its kind once
   * with its stack trace but without its message, which no endpoint can redact.
   */
  void record(String what, RuntimeException e) {
    count.increment();
    if (logged.add(e.getClass())) {
      RuntimeException shown = new RuntimeException(e.getClass().getName() + " (message not shown)");
      shown.setStackTrace(e.getStackTrace());
      LOG.warn("{} failed unexpectedly (each kind is logged once; PrometheusClient.unexpectedFailures() counts"
          + " them)", what, shown);
    }
  }

  long count() {
    return count.sum();
  }
}
