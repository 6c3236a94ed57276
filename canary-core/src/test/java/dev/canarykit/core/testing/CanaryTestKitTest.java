package dev.canarykit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Phase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Policy tests written the way users write them; they run the real state machine. */
class CanaryTestKitTest {

  private static CanaryTestKit initialised() {
    var kit = CanaryTestKit.forCanary(SeedCanary.canary());
    kit.tick();
    assertThat(kit.phase()).isEqualTo(Phase.INITIALIZED);
    return kit;
  }

  @Test
  void aHealthyReleaseIsPromoted() throws Exception {
    var kit = initialised();
    kit.workloads().setTargetRevision("v2");
    kit.metrics().fix("request-success-rate", 99.5).fix("request-duration", 120);
    kit.tickUntil(Phase.SUCCEEDED, 20);

    assertThat(kit.events().messages()).containsExactlyElementsOf(SeedCanary.expectedEvents());
    assertThat(kit.workloads().primaryRevision()).isEqualTo("v2");
    assertThat(kit.workloads().promotions()).isEqualTo(1);
    assertThat(kit.workloads().targetReplicas()).isZero();
    assertThat(kit.router().routes()).contains(new Outcome.Routes(100, 0, false));
    assertThat(kit.router().history()).extracting(s -> s.canaryWeight()).startsWith(10, 20, 30, 40, 50);
    assertThat(kit.webhooks().calledHooks()).startsWith("acceptance-test", "load-test");
  }

  @Test
  void sixDriverTicksAtTheSameInstantAdvanceOnceAndSayWhenTheNextStepIsDue() {
    var kit = initialised();
    kit.workloads().setTargetRevision("v2");
    kit.tick();
    assertThat(kit.phase()).isEqualTo(Phase.PROGRESSING);
    java.time.Instant now = kit.clock().instant();
    java.util.List<TickReport> reports = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      reports.add(kit.driver().tick(kit.canary()));
    }
    assertThat(kit.router().history()).extracting(s -> s.canaryWeight()).containsExactly(10);
    assertThat(kit.webhooks().calledHooks()).containsExactly("acceptance-test");
    assertThat(reports.get(0).pacedUntil()).isEmpty();
    assertThat(reports.subList(1, 6)).allSatisfy(r -> {
      assertThat(r.pacedUntil()).contains(now.plus(kit.interval()));
      assertThat(r.events()).isEmpty();
      assertThat(r.written()).isFalse();
    });
  }

  @Test
  void impossibleValuesRollTheReleaseBackInsteadOfPromotingIt() {
    var kit = initialised();
    kit.workloads().setTargetRevision("v2");
    kit.metrics().fix("request-success-rate", Double.POSITIVE_INFINITY).fix("request-duration", -5);
    kit.tickUntil(Phase.FAILED, 20);

    assertThat(kit.workloads().promotions()).isZero();
    assertThat(kit.workloads().primaryRevision()).isEqualTo("v1");
    assertThat(kit.events().messages()).contains("Warning  Prometheus query failed: impossible value +Inf for"
        + " request-success-rate: not a finite number");
  }

  @Test
  void aFailingReleaseIsRolledBack() {
    var kit = initialised();
    kit.workloads().setTargetRevision("v2");
    kit.metrics().fix("request-success-rate", 90).fix("request-duration", 120);
    kit.tickUntil(Phase.FAILED, 20);

    assertThat(kit.workloads().primaryRevision()).isEqualTo("v1");
    assertThat(kit.workloads().promotions()).isZero();
    assertThat(kit.router().routes()).contains(new Outcome.Routes(100, 0, false));
    assertThat(kit.events().messages()).anyMatch(m -> m.contains("Rolling back podinfo.test failed checks threshold"
        + " reached 5"));
    assertThat(kit.events().messages()).last().isEqualTo("Warning  Canary failed! Scaling down podinfo.test");
  }

  @Test
  void everyTickReplaysBitForBit() {
    var kit = initialised();
    kit.workloads().setTargetRevision("v2");
    kit.metrics().fix("request-success-rate", 99.5).fix("request-duration", 120);
    kit.tickUntil(Phase.SUCCEEDED, 20);
    assertThat(kit.reports()).hasSizeGreaterThan(5);
    kit.reports().forEach(TickReport::verifyReplay);
  }

  @Test
  void tickAdvancesTheClockByTheInterval() {
    var kit = CanaryTestKit.forCanary(SeedCanary.canary());
    var start = kit.clock().instant();
    TickReport first = kit.tick();
    TickReport second = kit.tick();
    assertThat(first.now()).isEqualTo(start);
    assertThat(second.now()).isEqualTo(start.plus(Duration.ofMinutes(1)));
    assertThat(kit.clock().instant()).isEqualTo(start.plus(Duration.ofMinutes(2)));
  }

  @Test
  void anIdleCanaryWritesNothing() {
    var kit = initialised();
    TickReport idle = kit.tick();
    assertThat(idle.persistence()).isEqualTo(TickReport.Persistence.UNCHANGED);
    assertThat(kit.phase()).isEqualTo(Phase.INITIALIZED);
  }

  @Test
  void aConflictLeavesTheStoredStatusAndTheNextTickCarriesOn() {
    var kit = initialised();
    kit.workloads().setTargetRevision("v2");
    kit.metrics().fix("request-success-rate", 99.5).fix("request-duration", 120);
    kit.statuses().conflictNext(1);
    TickReport conflicted = kit.tick();
    assertThat(conflicted.persistence()).isEqualTo(TickReport.Persistence.CONFLICT);
    assertThat(kit.phase()).isEqualTo(Phase.INITIALIZED);
    kit.tickUntil(Phase.SUCCEEDED, 20);
    assertThat(kit.workloads().primaryRevision()).isEqualTo("v2");
  }

  @Test
  void tickUntilReportsWhereItGotStuck() {
    var kit = initialised();
    assertThatThrownBy(() -> kit.tickUntil(Phase.SUCCEEDED, 3)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("phase SUCCEEDED not reached in 3 ticks; phase is INITIALIZED")
        .hasMessageContaining("Initialization done! podinfo.test");
  }

  @Test
  void aRouterOutageDoesNotCrashTheTickOrMoveWeights() {
    var kit = initialised();
    kit.workloads().setTargetRevision("v2");
    kit.metrics().fix("request-success-rate", 99.5).fix("request-duration", 120);
    kit.ticks(3);
    int weight = kit.router().canaryWeight();
    kit.router().failNext(5, "istio down");
    TickReport outage = kit.tick();
    assertThat(outage.outcomes()).contains(new Outcome.Failed("istio down"));
    assertThat(kit.router().canaryWeight()).isEqualTo(weight);
    kit.tickUntil(Phase.SUCCEEDED, 20);
  }

  @Test
  void aThrowingMetricSourceCountsAsAFailedCheck() {
    var kit = initialised();
    kit.workloads().setTargetRevision("v2");
    kit.metrics().answer("request-success-rate", m -> {
      throw new IllegalStateException("connection refused");
    }).fix("request-duration", 120);
    kit.tickUntil(Phase.FAILED, 20);
    assertThat(kit.reports()).flatMap(TickReport::outcomes).contains(new Outcome.Failed("connection refused"));
    assertThat(kit.events().messages()).contains("Warning  Prometheus query failed: connection refused");
  }
}
