package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Phase;
import dev.canarykit.k8s.CanaryStatusMapping;
import dev.canarykit.k8s.workload.Fixtures;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 1, against the mock API server: it stops after the fourth of five failed checks and restarts;
 * the controller then writes the fifth while its informer cache still shows the fourth (the watch reconnects
 * seconds later). Before the fix the ticks that read "failedChecks 4" from the cache promoted the failed revision
 * and the canary ended Failed with 3.1.1 on the primary.
 */
@EnableKubernetesMockClient(crud = true)
class ApiOutageTest {
  KubernetesClient client;
  KubernetesMockServer server;

  @Test
  void aCanaryThatReachedItsThresholdDuringAnOutageIsRolledBackNeverPromoted() throws Exception {
    SeedWorld w = new SeedWorld(client);
    OutageProxy apiServer = new OutageProxy(server.getPort());
    String url = client.getMasterUrl().getProtocol() + "://127.0.0.1:" + apiServer.start() + "/";
    KubernetesClient controllerClient = server.createClient(b -> b.editOrNewConfig().withMasterUrl(url)
        .withRequestRetryBackoffLimit(0).withRequestTimeout(2_000).withWatchReconnectInterval(3_000).endConfig());
    var config = w.config(x -> Duration.ofMillis(300)).onTick(r -> {
      w.reports.add(r);
      if (fifthFailedCheckWritten(r)) {
        w.metrics.fix("request-duration", 120);
      }
      w.clock.advance(Duration.ofMinutes(1));
    }).build();
    try (CanaryController c = CanaryController.create(controllerClient, config)) {
      c.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        w.rollOut();
        return w.phase() == Phase.INITIALIZED;
      });
      Fixtures.setImage(client, SeedWorld.NS, "podinfo", "stefanprodan/podinfo:3.1.1");
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        w.rollOut();
        return w.router.canaryWeight() == 50;
      });
      w.metrics.fix("request-duration", 800);
      await().atMost(Duration.ofSeconds(30)).until(() -> failedChecks(w) == 4);

      apiServer.stop();
      int before = w.reports.size();
      await().atMost(Duration.ofSeconds(30)).until(() -> w.reports.size() >= before + 3);
      apiServer.start();

      // Ends at the rollback, or at the first promotion (the finding), so that it fails on that, not a timeout.
      await().atMost(Duration.ofSeconds(60)).until(() -> w.phase() == Phase.FAILED || promotions(w) > 0);
    } finally {
      controllerClient.close();
      apiServer.close();
    }
    assertThat(promotions(w)).as("promotions").isZero();
    assertThat(w.phase()).isEqualTo(Phase.FAILED);
    assertThat(client.apps().deployments().inNamespace(SeedWorld.NS).withName("podinfo-primary").get().getSpec()
        .getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("stefanprodan/podinfo:3.1.0");
    assertThat(w.messages()).contains("Rolling back podinfo.test failed checks threshold reached 5")
        .noneMatch(m -> m.startsWith("Copying"));
  }

  private static long promotions(SeedWorld w) {
    return w.reports.stream().flatMap(r -> r.executions().stream())
        .filter(e -> e.command() instanceof Command.Promote).count();
  }

  private static boolean fifthFailedCheckWritten(TickReport r) {
    return r.persistence() == TickReport.Persistence.WRITTEN && r.finalStatus().failedChecks() == 5;
  }

  private static int failedChecks(SeedWorld w) {
    return CanaryStatusMapping.toCore(w.canary().getStatus()).failedChecks();
  }
}
