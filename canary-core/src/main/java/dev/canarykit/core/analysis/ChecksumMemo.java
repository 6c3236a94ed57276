package dev.canarykit.core.analysis;

import dev.canarykit.core.internal.Hashes;
import java.util.Map;

/**
 * Remembers the last webhook checksum a machine computed. The checksum is a pure function of its inputs, so the
 * memo changes no result; it only spares the SHA-256 on every replayed step of a tick. Safe to share across
 * threads: the holder is immutable and published through a volatile field.
 */
final class ChecksumMemo {
  private volatile Entry last;

  String checksum(String lastAppliedSpec, Map<String, String> trackedConfigs) {
    Entry e = last;
    if (e != null && e.lastAppliedSpec.equals(lastAppliedSpec) && e.trackedConfigs.equals(trackedConfigs)) {
      return e.checksum;
    }
    String checksum = Hashes.webhookChecksum(lastAppliedSpec, trackedConfigs);
    last = new Entry(lastAppliedSpec, trackedConfigs, checksum);
    return checksum;
  }

  private record Entry(String lastAppliedSpec, Map<String, String> trackedConfigs, String checksum) {}
}
