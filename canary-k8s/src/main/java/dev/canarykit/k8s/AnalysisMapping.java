package dev.canarykit.k8s;

import dev.canarykit.core.model.AlertSpec;
import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricSpec.ThresholdRange;
import dev.canarykit.core.model.SessionAffinity;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.k8s.resource.CanaryAnalysisBlock;
import dev.canarykit.k8s.resource.CanaryAnalysisBlock.Alert;
import dev.canarykit.k8s.resource.CanaryAnalysisBlock.Metric;
import dev.canarykit.k8s.resource.CanaryAnalysisBlock.SessionAffinityBlock;
import dev.canarykit.k8s.resource.CanaryAnalysisBlock.Webhook;
import java.util.List;
import java.util.function.Function;

/** Maps {@code spec.analysis} to the core {@link AnalysisSpec}. Empty list items become empty entries. */
final class AnalysisMapping {
  private static final Metric NO_METRIC = new Metric(null, null, null, null, null, null, null);
  private static final Webhook NO_WEBHOOK = new Webhook(null, null, null, null, null, null, null, null);
  private static final Alert NO_ALERT = new Alert(null, null, null);

  private AnalysisMapping() {}

  static AnalysisSpec toCore(CanaryAnalysisBlock a) {
    if (a == null) {
      return null;
    }
    return AnalysisSpec.builder().interval(a.interval()).threshold(a.threshold()).maxWeight(a.maxWeight())
        .stepWeight(a.stepWeight()).stepWeights(a.stepWeights()).stepWeightPromotion(a.stepWeightPromotion())
        .iterations(a.iterations())
        .match(SchemaPruning.objects("spec.analysis.match", a.match())).mirror(Boolean.TRUE.equals(a.mirror()))
        .mirrorWeight(a.mirrorWeight()).primaryReadyThreshold(a.primaryReadyThreshold())
        .canaryReadyThreshold(a.canaryReadyThreshold()).sessionAffinity(affinity(a.sessionAffinity()))
        .metrics(map(a.metrics(), NO_METRIC, AnalysisMapping::metric))
        .webhooks(map(a.webhooks(), NO_WEBHOOK, AnalysisMapping::webhook))
        .alerts(map(a.alerts(), NO_ALERT, AnalysisMapping::alert))
        .build();
  }

  private static <A, B> List<B> map(List<A> items, A empty, Function<A, B> f) {
    return items == null ? List.of() : items.stream().map(i -> f.apply(i == null ? empty : i)).toList();
  }

  private static MetricSpec metric(Metric m) {
    ThresholdRange range = m.thresholdRange() == null ? null
        : new ThresholdRange(m.thresholdRange().min(), m.thresholdRange().max());
    MetricSpec.TemplateRef ref = m.templateRef() == null ? null
        : new MetricSpec.TemplateRef(m.templateRef().name(), m.templateRef().namespace());
    return new MetricSpec(m.name(), m.interval(), range, m.threshold(), ref, m.templateVariables(), m.query());
  }

  private static WebhookSpec webhook(Webhook w) {
    return WebhookSpec.builder(w.name(), w.url()).type(w.type()).timeout(w.timeout()).retries(w.retries())
        .metadata(w.metadata()).muteAlert(Boolean.TRUE.equals(w.muteAlert()))
        .disableTLS(Boolean.TRUE.equals(w.disableTLS())).build();
  }

  private static AlertSpec alert(Alert a) {
    AlertSpec.ProviderRef ref = a.providerRef() == null ? null
        : new AlertSpec.ProviderRef(a.providerRef().name(), a.providerRef().namespace());
    return new AlertSpec(a.name(), a.severity(), ref);
  }

  private static SessionAffinity affinity(SessionAffinityBlock s) {
    return s == null ? null : new SessionAffinity(s.cookieName(), s.primaryCookieName(), s.maxAge(), s.domain(),
        Boolean.TRUE.equals(s.httpOnly()), Boolean.TRUE.equals(s.partitioned()), s.path(), s.sameSite(),
        Boolean.TRUE.equals(s.secure()));
  }
}
