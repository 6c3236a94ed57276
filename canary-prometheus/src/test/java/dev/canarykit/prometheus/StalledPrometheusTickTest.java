package dev.canarykit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.driver.CanaryDriver;
import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.testing.InMemoryStatusStore;
import dev.canarykit.core.testing.InMemoryTrafficRouter;
import dev.canarykit.core.testing.InMemoryWebhookClient;
import dev.canarykit.core.testing.InMemoryWorkloadStore;
import dev.canarykit.core.testing.ManualClock;
import dev.canarykit.core.testing.SeedRelease;
import dev.canarykit.core.testing.StallingServer;
import dev.canarykit.core.testing.StallingServer.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13, finding 3, at the level of a tick: the seed canary's analysis tick against a Prometheus that sends its
 * headers and then stalls, drips its body forever, or sends a whole answer and never closes the connection that
 * delimits it, ends within one call timeout per query (before the fix it never ended).
 */
class StalledPrometheusTickTest {
  private static final Duration CALL = Duration.ofSeconds(1);

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"STALL", "DRIP", "NEVER_CLOSE"})
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void anAnalysisTickAgainstAStalledPrometheusEndsWithinItsQueriesDeadlines(Fault fault)
      throws Exception {
    try (StallingServer prometheus = StalledPrometheus.start(fault)) {
      PrometheusClient client = PrometheusClient.builder().queryTimeout(Duration.ofMillis(500)).callTimeout(CALL)
          .build();
      Canary canary = SeedRelease.canary();
      ManualClock clock = ManualClock.ofDefaults();
      InMemoryWorkloadStore workloads = new InMemoryWorkloadStore();
      InMemoryTrafficRouter router = new InMemoryTrafficRouter();
      CanaryDriver driver = CanaryDriver.builder().workloads(workloads).router(router)
          .metrics(PrometheusMetricSource.builder(prometheus.address()).client(client).build())
          .webhooks(new InMemoryWebhookClient()).statuses(new InMemoryStatusStore()).clock(clock).build();
      driver.tick(canary);
      workloads.setTargetRevision("podinfo:3.1.1");
      for (int i = 0; i < 5 && router.canaryWeight() == 0; i++) {
        clock.advance(Duration.ofMinutes(1));
        driver.tick(canary);
      }
      clock.advance(Duration.ofMinutes(1));

      long start = System.nanoTime();
      TickReport analysis = driver.tick(canary);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      long queries = analysis.executions().stream().filter(e -> e.command() instanceof Command.QueryMetric).count();
      assertThat(queries).isPositive();
      assertThat(took).isLessThan(CALL.multipliedBy(queries).plusSeconds(5));
      assertThat(analysis.outcomes()).anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(Outcome.MetricError.class,
          e -> assertThat(e.message()).contains("did not arrive in full within the query timeout")));
    }
  }
}
