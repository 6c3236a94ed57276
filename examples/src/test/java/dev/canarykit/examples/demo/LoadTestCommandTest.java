package dev.canarykit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadTestCommandTest {

  @Test
  void theSeedsAcceptanceTestIsAPostAndGrep() {
    assertThat(LoadTestCommand.parse("curl -sd 'test' http://podinfo-canary:9898/token | grep token")).contains(
        new LoadTestCommand.Curl("test", "http://podinfo-canary:9898/token", "token"));
  }

  @Test
  void theSeedsLoadTestIsHeyWithDurationRateAndWorkers() {
    assertThat(LoadTestCommand.parse("hey -z 10s -q 10 -c 2 http://podinfo-canary.test:9898/")).contains(
        new LoadTestCommand.Hey(Duration.ofSeconds(10), 10, 2, "http://podinfo-canary.test:9898/"));
  }

  @Test
  void anythingElseIsNotUnderstoodAndNeverRun() {
    assertThat(LoadTestCommand.parse("rm -rf /")).isEmpty();
    assertThat(LoadTestCommand.parse("curl -sd 'test' http://x/token | grep token; rm -rf /")).isEmpty();
    assertThat(LoadTestCommand.parse("hey -z 1m http://x/ && reboot")).isEmpty();
    assertThat(LoadTestCommand.parse("hey -z forever http://x/")).isEmpty();
  }
}
