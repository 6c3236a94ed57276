package dev.canarykit.k8s.alert;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Thread-safe counts of deliveries: sent, and failed per reason. */
final class DeliveryCounts {
  private final AtomicLong sent = new AtomicLong();
  private final Map<AlertDelivery.Reason, AtomicLong> failed = new EnumMap<>(AlertDelivery.Reason.class);

  DeliveryCounts() {
    for (AlertDelivery.Reason r : AlertDelivery.Reason.values()) {
      failed.put(r, new AtomicLong());
    }
  }

  void add(AlertDelivery d) {
    if (d instanceof AlertDelivery.Failed f) {
      failed.get(f.reason()).incrementAndGet();
    } else {
      sent.incrementAndGet();
    }
  }

  long sent() {
    return sent.get();
  }

  long failures(AlertDelivery.Reason reason) {
    return failed.get(reason).get();
  }

  long failures() {
    return failed.values().stream().mapToLong(AtomicLong::get).sum();
  }
}
