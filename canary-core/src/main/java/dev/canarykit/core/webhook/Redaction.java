package dev.canarykit.core.webhook;

import java.net.URI;

/** URLs as messages show them: without user info, query or fragment, which may carry credentials. */
final class Redaction {
  private Redaction() {}

  /** {@code scheme://host[:port]/path}. */
  static String describe(URI uri) {
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return uri.getScheme() + "://" + uri.getHost() + port + path;
  }
}
