package dev.canarykit.examples.cli;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code --prometheus}: an absolute {@code http} or {@code https} URL with a host. */
final class PrometheusUrl implements ITypeConverter<URI> {
  @Override
  public URI convert(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw invalid(value.contains("@") ? "(not shown, it holds '@')" : value);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw invalid(value);
    }
    if (uri.getRawUserInfo() != null) {
      throw new TypeConversionException("the URL must not hold credentials (user:password@); put them in a "
          + "MetricTemplate provider's secretRef");
    }
    return uri;
  }

  private static TypeConversionException invalid(String value) {
    return new TypeConversionException("'" + value + "' is not an absolute http(s) URL such as "
        + "http://127.0.0.1:9090");
  }
}
