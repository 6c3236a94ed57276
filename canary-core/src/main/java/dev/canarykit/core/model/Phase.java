package dev.canarykit.core.model;

import java.util.Optional;

/** Canary phases, with the names Flagger writes to {@code status.phase}. */
public enum Phase {
  INITIALIZING("Initializing"),
  INITIALIZED("Initialized"),
  WAITING("Waiting"),
  PROGRESSING("Progressing"),
  WAITING_PROMOTION("WaitingPromotion"),
  PROMOTING("Promoting"),
  FINALISING("Finalising"),
  SUCCEEDED("Succeeded"),
  FAILED("Failed"),
  TERMINATING("Terminating"),
  TERMINATED("Terminated");

  private final String wireName;

  Phase(String wireName) {
    this.wireName = wireName;
  }

  /** The name written to {@code status.phase}. */
  public String wireName() {
    return wireName;
  }

  /** Parses {@code status.phase}; an empty phase is {@link #INITIALIZING} (Flagger treats both alike). */
  public static Optional<Phase> fromWire(String s) {
    if (s == null || s.isEmpty()) {
      return Optional.of(INITIALIZING);
    }
    for (Phase p : values()) {
      if (p.wireName.equals(s)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Whether an analysis run is under way (the phases in which Flagger always advances). */
  public boolean isActive() {
    return this == PROGRESSING || this == WAITING || this == WAITING_PROMOTION || this == PROMOTING
        || this == FINALISING;
  }
}
