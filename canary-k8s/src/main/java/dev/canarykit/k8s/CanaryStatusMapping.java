package dev.canarykit.k8s;

import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.CanaryStatus.CanaryCondition;
import dev.canarykit.core.model.Phase;
import dev.canarykit.k8s.resource.CanaryResourceStatus;
import dev.canarykit.k8s.resource.ResourceCondition;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Maps a Canary's {@code status} between Flagger's wire form and the core {@link CanaryStatus}. Times are written
 * as RFC 3339 with whole seconds, as Kubernetes stores them; empty strings and maps are left out, as Flagger does.
 */
public final class CanaryStatusMapping {
  private CanaryStatusMapping() {}

  /**
   * The core status of {@code s}; {@code null} is {@link CanaryStatus#initial()}.
   *
   * @throws IllegalArgumentException if {@code status.phase} or a time is not Flagger's
   */
  public static CanaryStatus toCore(CanaryResourceStatus s) {
    if (s == null) {
      return CanaryStatus.initial();
    }
    Phase phase = Phase.fromWire(s.phase()).orElseThrow(
        () -> new IllegalArgumentException("status.phase: unknown phase '" + s.phase() + "'"));
    return new CanaryStatus(phase, orZero(s.failedChecks()), orZero(s.canaryWeight()), orZero(s.iterations()),
        s.sessionAffinityCookie(), s.previousSessionAffinityCookie(), s.primarySessionAffinityCookie(),
        s.trackedConfigs(), s.lastAppliedSpec(), s.lastPromotedSpec(), time(s.lastTransitionTime()),
        s.conditions() == null ? List.of() : s.conditions().stream().map(CanaryStatusMapping::condition).toList());
  }

  /** The wire form of {@code s}. */
  public static CanaryResourceStatus toResource(CanaryStatus s) {
    return new CanaryResourceStatus(s.phase().wireName(), s.failedChecks(), s.canaryWeight(), s.iterations(),
        blank(s.previousSessionAffinityCookie()), blank(s.sessionAffinityCookie()),
        blank(s.primarySessionAffinityCookie()), s.trackedConfigs().isEmpty() ? null : s.trackedConfigs(),
        blank(s.lastAppliedSpec()), blank(s.lastPromotedSpec()), text(s.lastTransitionTime()),
        s.conditions().isEmpty() ? null : s.conditions().stream().map(CanaryStatusMapping::condition).toList());
  }

  private static CanaryCondition condition(ResourceCondition c) {
    return new CanaryCondition(c.type(), c.status(), c.reason(), c.message(), time(c.lastUpdateTime()),
        time(c.lastTransitionTime()));
  }

  private static ResourceCondition condition(CanaryCondition c) {
    return new ResourceCondition(c.type(), c.status(), text(c.lastUpdateTime()), text(c.lastTransitionTime()),
        c.reason(), c.message());
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }

  private static String blank(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static Instant time(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("status time: not RFC 3339: '" + s + "'", e);
    }
  }

  private static String text(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
