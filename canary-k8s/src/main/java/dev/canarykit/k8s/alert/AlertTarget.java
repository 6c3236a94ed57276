package dev.canarykit.k8s.alert;

import dev.canarykit.k8s.AlertProvider;
import dev.canarykit.k8s.AlertProviderType;
import java.net.URI;
import java.util.Objects;

/**
 * Where and how one alert is posted: a resolved AlertProvider, or the global notifier. The address (a chat hook
 * URL is a credential) and the token never appear in {@link #toString()}.
 *
 * @param type the payload format
 * @param address the URL to post to
 * @param token sent as {@code Authorization: Bearer <token>} by {@code slack} and {@code generic}; {@code null}
 *     for none
 * @param channel the channel ({@value AlertProvider#DEFAULT_CHANNEL} when empty)
 * @param username the bot user name ({@value AlertProvider#DEFAULT_USERNAME} when empty)
 * @param proxy an HTTP proxy to post through, or {@code null}
 * @since 0.1.0
 */
public record AlertTarget(
    AlertProviderType type, URI address, String token, String channel, String username, URI proxy) {

  public AlertTarget {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(address, "address == null");
    token = token == null || token.isEmpty() ? null : token;
    channel = channel == null || channel.isEmpty() ? AlertProvider.DEFAULT_CHANNEL : channel;
    username = username == null || username.isEmpty() ? AlertProvider.DEFAULT_USERNAME : username;
  }

  /** A target of {@code type} at {@code address}, with the default channel and user name. */
  public static AlertTarget of(AlertProviderType type, URI address) {
    return new AlertTarget(type, address, null, null, null, null);
  }

  /** Names the type, channel and user name; never the address, the token or the proxy's user info. */
  @Override
  public String toString() {
    return "AlertTarget[type=" + type.wireName() + ", channel=" + channel + ", username=" + username
        + ", token=" + (token == null ? "none" : "***") + ", proxy=" + (proxy == null ? "none" : "set") + "]";
  }
}
