package dev.canarykit.core.analysis;

import dev.canarykit.core.model.AlertSpec.Severity;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.model.WebhookSpec.WebhookType;

/** Runs the webhooks of one type in spec order, with Flagger's texts (docs/flagger-compatibility.md §1.14). */
final class Hooks {
  private final Tick t;

  Hooks(Tick t) {
    this.t = t;
  }

  /** Calls one hook; returns the failure message, or {@code null} on success. */
  private String call(WebhookSpec hook, Phase phase) {
    String checksum = t.checksums().checksum(t.status().current().lastAppliedSpec(),
        t.status().current().trackedConfigs());
    return t.await(new Command.CallWebhook(hook, phase, checksum)) instanceof Outcome.Failed f ? f.message() : null;
  }

  /**
   * Whether a gate refused past {@code spec.gateTimeout} (canarykit's option; Flagger waits forever). The wait
   * began when the condition took its Waiting reason: its lastUpdateTime, which later refusals do not touch.
   */
  boolean timedOut(WebhookSpec hook, Phase waitingPhase) {
    java.time.Duration limit = t.spec.gateTimeout();
    dev.canarykit.core.model.CanaryStatus.CanaryCondition c = t.status().current().promotedCondition();
    if (limit == null || t.status().phase() != waitingPhase || c == null || c.lastUpdateTime() == null) {
      return false;
    }
    java.time.Duration waited = java.time.Duration.between(c.lastUpdateTime(), t.now);
    if (waited.compareTo(limit) < 0) {
      return false;
    }
    t.warning("Rolling back " + t.c() + " gate " + hook.name() + " did not approve within "
        + dev.canarykit.core.internal.GoDuration.format(limit));
    t.alert(Severity.WARN, "Gate " + hook.name() + " did not approve within "
        + dev.canarykit.core.internal.GoDuration.format(limit) + ", rolling back.", false);
    return true;
  }

  /** Confirm-rollout: a refusal moves to Waiting (once) and halts. */
  Gate confirmRollout() {
    Phase phase = t.status().phase();
    for (WebhookSpec hook : t.analysis.webhooks()) {
      if (hook.is(WebhookType.CONFIRM_ROLLOUT)) {
        if (call(hook, phase) != null) {
          if (timedOut(hook, Phase.WAITING)) {
            return Gate.TIMED_OUT;
          }
          if (phase != Phase.WAITING || queuedForSlot()) {
            t.status().phase(Phase.WAITING, t.analysis.iterationsOrZero());
            t.warning("Halt " + t.c() + " advancement waiting for approval " + hook.name());
            muteable(hook, "Canary is waiting for approval.");
          }
          return Gate.REFUSED;
        }
        t.info("Confirm-rollout check " + hook.name() + " passed");
      }
    }
    return Gate.APPROVED;
  }

  /** Whether the canary waits in the queue for an analysis slot (a gate refusal then takes over the condition). */
  private boolean queuedForSlot() {
    dev.canarykit.core.model.CanaryStatus.CanaryCondition c = t.status().current().promotedCondition();
    return c != null && c.queued();
  }

  /** Pre-rollout: a failure halts (the caller counts a failed check). */
  boolean preRollout() {
    for (WebhookSpec hook : t.analysis.webhooks()) {
      if (hook.is(WebhookType.PRE_ROLLOUT)) {
        String err = call(hook, Phase.PROGRESSING);
        if (err != null) {
          t.warning("Halt " + t.c() + " advancement pre-rollout check " + hook.name() + " failed " + err);
          return false;
        }
        t.info("Pre-rollout check " + hook.name() + " passed");
      }
    }
    return true;
  }

  /** Rollout hooks (type rollout or empty), before metrics. */
  boolean rollout() {
    for (WebhookSpec hook : t.analysis.webhooks()) {
      if (hook.is(WebhookType.ROLLOUT)) {
        String err = call(hook, Phase.PROGRESSING);
        if (err != null) {
          t.warning("Halt " + t.c() + " advancement external check " + hook.name() + " failed " + err);
          return false;
        }
      }
    }
    return true;
  }

  /** Confirm-traffic-increase: a refusal only halts. */
  boolean confirmTrafficIncrease() {
    for (WebhookSpec hook : t.analysis.webhooks()) {
      if (hook.is(WebhookType.CONFIRM_TRAFFIC_INCREASE)) {
        if (call(hook, Phase.PROGRESSING) != null) {
          t.warning("Halt " + t.c() + " advancement waiting for traffic increase approval " + hook.name());
          muteable(hook, "Canary traffic increase is waiting for approval.");
          return false;
        }
        t.info("Confirm-traffic-increase check " + hook.name() + " passed");
      }
    }
    return true;
  }

  /**
   * Confirm-promotion: the first refusal moves to WaitingPromotion and alerts; later refusals reset iterations to
   * {@code iterations - 1}.
   */
  Gate confirmPromotion(int iterations) {
    for (WebhookSpec hook : t.analysis.webhooks()) {
      if (hook.is(WebhookType.CONFIRM_PROMOTION)) {
        if (call(hook, Phase.PROGRESSING) != null) {
          if (timedOut(hook, Phase.WAITING_PROMOTION)) {
            return Gate.TIMED_OUT;
          }
          if (t.status().phase() != Phase.WAITING_PROMOTION) {
            t.status().phase(Phase.WAITING_PROMOTION, iterations);
            t.warning("Halt " + t.c() + " advancement waiting for promotion approval " + hook.name());
            muteable(hook, "Canary promotion is waiting for approval.");
          } else {
            t.status().iterations(Math.max(0, iterations - 1));
          }
          return Gate.REFUSED;
        }
        t.info("Confirm-promotion check " + hook.name() + " passed");
      }
    }
    return Gate.APPROVED;
  }

  /** Rollback hooks: the first one that answers 2xx asks for a rollback. */
  boolean rollbackRequested() {
    for (WebhookSpec hook : t.analysis.webhooks()) {
      if (hook.is(WebhookType.ROLLBACK)) {
        if (call(hook, t.status().phase()) != null) {
          t.info("Rollback hook " + hook.name() + " not signaling a rollback");
        } else {
          t.warning("Rollback check " + hook.name() + " passed");
          return true;
        }
      }
    }
    return false;
  }

  /** Post-rollout hooks, sent with the final phase; the first failure stops the rest and is only reported. */
  void postRollout(Phase phase) {
    for (WebhookSpec hook : t.analysis.webhooks()) {
      if (hook.is(WebhookType.POST_ROLLOUT)) {
        String err = call(hook, phase);
        if (err != null) {
          t.warning("Post-rollout hook " + hook.name() + " failed " + err);
          return;
        }
        t.info("Post-rollout check " + hook.name() + " passed");
      }
    }
  }

  private void muteable(WebhookSpec hook, String message) {
    if (!hook.muteAlert()) {
      t.alert(Severity.WARN, message, false);
    }
  }
}
