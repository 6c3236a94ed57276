package dev.canarykit.k8s;

import dev.canarykit.core.validation.Violation;
import dev.canarykit.k8s.resource.AlertProviderResource;
import dev.canarykit.k8s.resource.AlertProviderResourceSpec;
import java.util.List;

/**
 * A Flagger {@code AlertProvider}: where alerts of a Canary go (docs/flagger-compatibility.md §1.16). The address may
 * live in the Secret {@code secretRef} (keys {@code address} and {@code token}) in the provider's own namespace.
 *
 * @param name {@code metadata.name}
 * @param namespace {@code metadata.namespace}; {@code null} or empty means {@code default}
 * @param type the wire type ({@code slack}, {@code msteams}, {@code discord}, {@code rocket}, {@code gchat}, or
 *     canarykit's {@code generic})
 * @param channel the channel, or {@code null} for {@value #DEFAULT_CHANNEL}
 * @param username the bot user name, or {@code null} for {@value #DEFAULT_USERNAME}
 * @param proxy an HTTP(S) proxy URL, or {@code null}
 * @param address the hook URL, or {@code null} when the Secret holds it
 * @param secretRef the name of a Secret in {@code namespace}, or {@code null}
 */
public record AlertProvider(String name, String namespace, String type, String channel, String username,
    String proxy, String address, String secretRef) {

  /** Channel used when none is given. */
  public static final String DEFAULT_CHANNEL = "general";
  /** User name used when none is given. */
  public static final String DEFAULT_USERNAME = "flagger";

  public AlertProvider {
    namespace = namespace == null || namespace.isEmpty() ? "default" : namespace;
  }

  /** The provider of {@code resource}. */
  public static AlertProvider of(AlertProviderResource resource) {
    var meta = resource.getMetadata();
    return of(meta == null ? null : meta.getName(), meta == null ? null : meta.getNamespace(), resource.getSpec());
  }

  /** The provider named {@code name} in {@code namespace} with {@code spec} ({@code null} gives no fields). */
  public static AlertProvider of(String name, String namespace, AlertProviderResourceSpec spec) {
    if (spec == null) {
      return new AlertProvider(name, namespace, null, null, null, null, null, null);
    }
    return new AlertProvider(name, namespace, spec.type(), spec.channel(), spec.username(), spec.proxy(),
        spec.address(), spec.secretRef() == null ? null : spec.secretRef().name());
  }

  /** The parsed type, or empty when it is unknown (a violation). */
  public java.util.Optional<AlertProviderType> typeOrEmpty() {
    return AlertProviderType.fromWire(type);
  }

  /** The channel, {@value #DEFAULT_CHANNEL} when empty. */
  public String channelOrDefault() {
    return channel == null || channel.isEmpty() ? DEFAULT_CHANNEL : channel;
  }

  /** The user name, {@value #DEFAULT_USERNAME} when empty. */
  public String usernameOrDefault() {
    return username == null || username.isEmpty() ? DEFAULT_USERNAME : username;
  }

  /** Every violation, with root-relative paths ({@code spec.type}, {@code spec.address}, ...). */
  public List<Violation> validate() {
    return AlertProviderRules.validate(this);
  }

  /** {@code <name>.<namespace>}. */
  public String qualifiedName() {
    return name + "." + namespace;
  }
}
