package dev.canarykit.k8s.alert;

import dev.canarykit.k8s.AlertProviderType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/** Posts one rendered alert and turns the answer into an {@link AlertDelivery}; never throws. */
final class AlertPoster {
  static final int EXCERPT = 256;
  private final HttpClient client;
  private final Function<URI, HttpClient> proxied;
  private final Duration timeout;

  AlertPoster(HttpClient client, Function<URI, HttpClient> proxied, Duration timeout) {
    this.client = client;
    this.proxied = proxied;
    this.timeout = timeout;
  }

  AlertDelivery post(String route, AlertTarget target, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(address(target)).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (target.token() != null && sendsToken(target.type())) {
      request.header("Authorization", "Bearer " + target.token());
    }
    HttpClient http = target.proxy() == null ? client : proxied.apply(target.proxy());
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return answer(route, target, response);
    } catch (IOException e) {
      return new AlertDelivery.Failed(route, AlertDelivery.Reason.UNREACHABLE,
          "alert provider " + route + " could not be reached: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new AlertDelivery.Failed(route, AlertDelivery.Reason.UNREACHABLE,
          "alert provider " + route + " was not posted: interrupted");
    }
  }

  private static AlertDelivery answer(String route, AlertTarget target, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new AlertDelivery.Sent(route, status);
    }
    return new AlertDelivery.Failed(route, AlertDelivery.Reason.REJECTED,
        "alert provider " + route + " answered HTTP " + status + ": " + excerpt(response.body(), target));
  }

  /** Flagger sends the Secret's token to Slack only; canarykit's generic type takes it too. */
  private static boolean sendsToken(AlertProviderType type) {
    return type == AlertProviderType.SLACK || type == AlertProviderType.GENERIC;
  }

  /** Discord takes Slack's format on its {@code /slack} endpoint, so that suffix is added when missing. */
  static URI address(AlertTarget target) {
    URI u = target.address();
    if (target.type() != AlertProviderType.DISCORD || u.toString().endsWith("/slack")) {
      return u;
    }
    String s = u.toString();
    int q = s.indexOf('?');
    String base = (q < 0 ? s : s.substring(0, q)).replaceAll("/+$", "");
    return URI.create(base + "/slack" + (q < 0 ? "" : s.substring(q)));
  }

  private static String excerpt(String body, AlertTarget target) {
    String text = body == null ? "" : body;
    if (target.token() != null) {
      text = text.replace(target.token(), "***");
    }
    return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "...";
  }
}
