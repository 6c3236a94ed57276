package dev.canarykit.prometheus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * How requests to a Prometheus authenticate. {@code toString()} never shows a secret value, and
 * {@link #redact(String)} removes any that a server echoed into a text.
 */
public sealed interface Credentials {

  /** No authentication. */
  Credentials NONE = new None();

  /** The {@code Authorization} header value, if any. */
  Optional<String> authorization();

  /** {@code text} with every secret value of these credentials replaced by {@code ***}. */
  String redact(String text);

  /** No authentication. */
  record None() implements Credentials {
    @Override
    public Optional<String> authorization() {
      return Optional.empty();
    }

    @Override
    public String redact(String text) {
      return text;
    }
  }

  /**
   * {@code Authorization: Bearer <token>} (secret key {@code token}).
   *
   * @param token the token
   */
  record Bearer(String token) implements Credentials {
    public Bearer {
      Objects.requireNonNull(token, "token == null");
    }

    @Override
    public Optional<String> authorization() {
      return Optional.of("Bearer " + token);
    }

    @Override
    public String redact(String text) {
      return token.isEmpty() ? text : text.replace(token, "***");
    }

    @Override
    public String toString() {
      return "Bearer[***]";
    }
  }

  /**
   * HTTP basic authentication (secret keys {@code username} and {@code password}).
   *
   * @param username the user name
   * @param password the password
   */
  record Basic(String username, String password) implements Credentials {
    public Basic {
      Objects.requireNonNull(username, "username == null");
      Objects.requireNonNull(password, "password == null");
    }

    @Override
    public Optional<String> authorization() {
      String pair = username + ":" + password;
      return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String redact(String text) {
      String out = password.isEmpty() ? text : text.replace(password, "***");
      String encoded = authorization().orElseThrow().substring("Basic ".length());
      return out.replace(encoded, "***");
    }

    @Override
    public String toString() {
      return "Basic[username=***, password=***]";
    }
  }
}
