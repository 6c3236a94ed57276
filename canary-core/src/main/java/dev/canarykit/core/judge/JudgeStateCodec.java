package dev.canarykit.core.judge;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A compact text form of {@link JudgeState} for adapters that persist it outside Flagger's status schema (an
 * annotation on the Canary). The policy is not stored: the text carries a fingerprint of it, and decoding
 * under another policy gives a fresh state (changing the policy mid-rollout restarts the evidence, which keeps
 * the guarantee). Numbers are written with {@link Double#toString}, which reads back exactly.
 */
public final class JudgeStateCodec {
  private static final String PREFIX = "j1:";

  private JudgeStateCodec() {}

  /** The text form of {@code state}. */
  public static String encode(JudgeState state) {
    List<Double> values = new ArrayList<>();
    state.writeTo(values);
    StringBuilder out = new StringBuilder(PREFIX).append(fingerprint(state.config())).append(':');
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ",").append(values.get(i));
    }
    return out.toString();
  }

  /**
   * Reads a state back under {@code config}: a fresh state when the text is absent or was written under another
   * policy.
   *
   * @throws IllegalArgumentException naming the problem when the text is malformed
   */
  public static JudgeState decode(JudgeConfig config, String text) {
    JudgeState fresh = JudgeState.start(config);
    if (text == null || text.isEmpty()) {
      return fresh;
    }
    String[] parts = text.split(":", 3);
    if (parts.length != 3 || !(parts[0] + ":").equals(PREFIX)) {
      throw new IllegalArgumentException("judge state must start with " + PREFIX + ", but was "
          + text.substring(0, Math.min(16, text.length())));
    }
    if (!parts[1].equals(fingerprint(config))) {
      return fresh;
    }
    try {
      List<Double> values = new ArrayList<>();
      for (String v : parts[2].split(",")) {
        values.add(Double.parseDouble(v));
      }
      Iterator<Double> in = values.iterator();
      JudgeState state = fresh.readFrom(in);
      if (in.hasNext()) {
        throw new IllegalArgumentException("judge state has " + values.size() + " numbers, more than its policy uses");
      }
      return state;
    } catch (NumberFormatException | NoSuchElementException e) {
      throw new IllegalArgumentException("judge state is malformed: " + e.getMessage(), e);
    }
  }

  static String fingerprint(JudgeConfig config) {
    return dev.canarykit.core.internal.Hashes.of(config.toString());
  }
}
