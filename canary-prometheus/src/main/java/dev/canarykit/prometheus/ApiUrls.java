package dev.canarykit.prometheus;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** Prometheus API URLs under a base address whose path prefix is kept. */
final class ApiUrls {
  private ApiUrls() {}

  /** {@code scheme://authority/path} without a trailing slash, query or fragment. */
  static String base(URI address) {
    String path = address.getRawPath() == null ? "" : address.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return address.getScheme() + "://" + address.getRawAuthority() + path;
  }

  /** {@code <base>/api/v1/<api>}. */
  static URI api(URI address, String api) {
    return URI.create(base(address) + "/api/v1/" + api);
  }

  /** A form-encoded parameter string ({@code a=1&b=2}). */
  static String form(Map<String, String> params) {
    StringJoiner j = new StringJoiner("&");
    params.forEach((k, v) -> j.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return j.toString();
  }
}
