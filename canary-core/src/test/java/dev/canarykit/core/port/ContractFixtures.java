package dev.canarykit.core.port;

import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.CanarySpec.TargetRef;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricSpec.ThresholdRange;
import dev.canarykit.core.model.ServiceSpec;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.model.WebhookSpec.WebhookType;
import java.util.List;

/** Canaries the port contracts use by default: podinfo in namespace {@code test}, like the seed release. */
public final class ContractFixtures {
  private ContractFixtures() {}

  /** The success-rate metric of {@link #canary()}. */
  public static final MetricSpec SUCCESS_RATE =
      MetricSpec.of(MetricSpec.REQUEST_SUCCESS_RATE, ThresholdRange.atLeast(99), "1m");

  /** A rollout hook of {@link #canary()}. */
  public static final WebhookSpec LOAD_TEST =
      WebhookSpec.of("load-test", WebhookType.ROLLOUT, "http://flagger-loadtester.test/");

  /** podinfo.test: a Deployment on port 9898, 1m interval, threshold 2, steps of 10 up to 50. */
  public static Canary canary() {
    return canary("podinfo", "test");
  }

  /** Like {@link #canary()} with another name and namespace (the target has the same name). */
  public static Canary canary(String name, String namespace) {
    AnalysisSpec analysis = AnalysisSpec.builder().interval("1m").threshold(2).maxWeight(50).stepWeight(10)
        .metrics(List.of(SUCCESS_RATE)).webhooks(List.of(LOAD_TEST)).build();
    CanarySpec spec = CanarySpec.builder(TargetRef.deployment(name), ServiceSpec.builder(9898).build())
        .analysis(analysis).build();
    return new Canary(name, namespace, spec);
  }
}
