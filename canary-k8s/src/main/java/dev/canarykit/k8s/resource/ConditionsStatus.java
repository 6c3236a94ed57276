package dev.canarykit.k8s.resource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The {@code status} of a MetricTemplate or AlertProvider: conditions only.
 *
 * @param conditions the conditions, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConditionsStatus(List<ResourceCondition> conditions) {}
