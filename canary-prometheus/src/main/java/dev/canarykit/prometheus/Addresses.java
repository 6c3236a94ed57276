package dev.canarykit.prometheus;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Prometheus addresses: parsing and describing them without leaking user information. */
final class Addresses {
  private Addresses() {}

  /** An absolute http or https URL with a host, without user information. */
  static Optional<URI> parse(String address) {
    if (address == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(address.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean ok = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
          && uri.getRawUserInfo() == null;
      return ok ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** The address for messages: quoted, or hidden when it may carry credentials. */
  static String describe(String address) {
    if (address != null && address.contains("@")) {
      return "(an address with user information, not shown)";
    }
    return SafeValues.quote(address);
  }
}
