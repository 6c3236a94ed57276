package dev.canarykit.k8s.resource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A status condition as Kubernetes writes it; times are RFC 3339 strings.
 *
 * @param type the condition type, e.g. {@code Promoted}
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param lastUpdateTime when it was last written, or {@code null}
 * @param lastTransitionTime when its status last changed, or {@code null}
 * @param reason a CamelCase reason, or {@code null}
 * @param message a human-readable message, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResourceCondition(
    String type, String status, String lastUpdateTime, String lastTransitionTime, String reason, String message) {}
