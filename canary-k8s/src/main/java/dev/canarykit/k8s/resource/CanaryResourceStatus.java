package dev.canarykit.k8s.resource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A Canary's {@code status}, field for field as Flagger writes it. Map it with
 * {@link dev.canarykit.k8s.CanaryStatusMapping}.
 *
 * @param phase the phase name, e.g. {@code Progressing}
 * @param failedChecks failed checks of the current run
 * @param canaryWeight the canary weight last set
 * @param iterations analysis iterations done
 * @param previousSessionAffinityCookie the previous run's canary cookie, or {@code null}
 * @param sessionAffinityCookie the current canary cookie, or {@code null}
 * @param primarySessionAffinityCookie the primary cookie, or {@code null}
 * @param trackedConfigs tracked ConfigMaps and Secrets with their checksums, or {@code null}
 * @param lastAppliedSpec the hash of the current or last run, or {@code null}
 * @param lastPromotedSpec the hash last promoted, or {@code null}
 * @param lastTransitionTime RFC 3339 time of the last status write, or {@code null}
 * @param conditions the {@code Promoted} condition, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CanaryResourceStatus(
    String phase,
    Integer failedChecks,
    Integer canaryWeight,
    Integer iterations,
    String previousSessionAffinityCookie,
    String sessionAffinityCookie,
    String primarySessionAffinityCookie,
    Map<String, String> trackedConfigs,
    String lastAppliedSpec,
    String lastPromotedSpec,
    String lastTransitionTime,
    List<ResourceCondition> conditions) {}
