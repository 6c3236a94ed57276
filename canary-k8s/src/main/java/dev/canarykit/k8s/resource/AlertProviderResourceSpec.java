package dev.canarykit.k8s.resource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.canarykit.k8s.resource.MetricTemplateResourceSpec.SecretReference;

/**
 * An AlertProvider's {@code spec}.
 *
 * @param type {@code slack}, {@code msteams}, {@code discord}, {@code rocket}, {@code gchat} or canarykit's
 *     {@code generic}
 * @param channel the channel, or {@code null}
 * @param username the bot user name, or {@code null}
 * @param address the hook URL, or {@code null} when the Secret holds it
 * @param proxy an HTTP(S) proxy URL, or {@code null}
 * @param secretRef a Secret in the provider's namespace with keys {@code address} and/or {@code token}, or
 *     {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertProviderResourceSpec(
    String type, String channel, String username, String address, String proxy, SecretReference secretRef) {}
