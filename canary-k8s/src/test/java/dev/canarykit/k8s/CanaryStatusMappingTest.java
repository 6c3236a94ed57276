package dev.canarykit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.CanaryStatus.CanaryCondition;
import dev.canarykit.core.model.Phase;
import dev.canarykit.k8s.resource.CanaryResource;
import dev.canarykit.k8s.resource.CanaryResourceStatus;
import dev.canarykit.k8s.resource.ResourceCondition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanaryStatusMappingTest {
  static final CanaryResourceStatus FLAGGER = new CanaryResourceStatus("Progressing", 1, 20, 0, null,
      "flagger-cookie-abc=xyz", null, Map.of("configmap/podinfo-config", "5f6d"), "7c9f4b6d", "5a8e2c1f",
      "2024-05-01T10:00:00Z", List.of(new ResourceCondition("Promoted", "Unknown", "2024-05-01T10:00:00Z",
          "2024-05-01T09:59:00Z", "Progressing", "New revision detected, progressing canary analysis.")));

  @Test
  void aFlaggerStatusMapsFieldForField() {
    CanaryStatus s = CanaryStatusMapping.toCore(FLAGGER);
    assertThat(s.phase()).isEqualTo(Phase.PROGRESSING);
    assertThat(s.failedChecks()).isEqualTo(1);
    assertThat(s.canaryWeight()).isEqualTo(20);
    assertThat(s.sessionAffinityCookie()).isEqualTo("flagger-cookie-abc=xyz");
    assertThat(s.trackedConfigs()).containsEntry("configmap/podinfo-config", "5f6d");
    assertThat(s.lastAppliedSpec()).isEqualTo("7c9f4b6d");
    assertThat(s.lastTransitionTime()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
    CanaryCondition promoted = s.promotedCondition();
    assertThat(promoted.status()).isEqualTo("Unknown");
    assertThat(promoted.lastTransitionTime()).isEqualTo(Instant.parse("2024-05-01T09:59:00Z"));
  }

  @Test
  void roundTripsUnchanged() {
    assertThat(CanaryStatusMapping.toResource(CanaryStatusMapping.toCore(FLAGGER))).isEqualTo(FLAGGER);
  }

  @Test
  void noStatusIsInitialAndEmptyFieldsAreLeftOut() {
    assertThat(CanaryStatusMapping.toCore(null)).isEqualTo(CanaryStatus.initial());
    CanaryResourceStatus written = CanaryStatusMapping.toResource(CanaryStatus.initial());
    assertThat(written).isEqualTo(new CanaryResourceStatus("Initializing", 0, 0, 0, null, null, null, null, null,
        null, null, null));
  }

  @Test
  void anEmptyPhaseIsInitializingAndAnUnknownOneIsRejectedByName() {
    var empty = new CanaryResourceStatus("", null, null, null, null, null, null, null, null, null, null, null);
    assertThat(CanaryStatusMapping.toCore(empty).phase()).isEqualTo(Phase.INITIALIZING);
    var odd = new CanaryResourceStatus("Paused", null, null, null, null, null, null, null, null, null, null, null);
    assertThatThrownBy(() -> CanaryStatusMapping.toCore(odd)).hasMessageContaining("status.phase")
        .hasMessageContaining("Paused");
  }

  @Test
  void timesWithOffsetsAndFractionsAreRead() {
    var s = new CanaryResourceStatus("Succeeded", null, null, null, null, null, null, null, null, null,
        "2024-05-01T12:00:00.250+02:00", null);
    Instant t = CanaryStatusMapping.toCore(s).lastTransitionTime();
    assertThat(t).isEqualTo(Instant.parse("2024-05-01T10:00:00.250Z"));
    assertThat(CanaryStatusMapping.toResource(CanaryStatusMapping.toCore(s)).lastTransitionTime())
        .isEqualTo("2024-05-01T10:00:00Z");
  }

  @Test
  void statusSerializesAsFlaggerWritesIt() {
    var ser = new io.fabric8.kubernetes.client.utils.KubernetesSerialization();
    CanaryResource r = new CanaryResource();
    r.setStatus(CanaryStatusMapping.toResource(CanaryStatus.initial().toBuilder().canaryWeight(10).build()));
    String json = ser.asJson(r);
    assertThat(json).contains("\"status\":{\"phase\":\"Initializing\",\"failedChecks\":0,\"canaryWeight\":10,"
        + "\"iterations\":0}");
  }
}
