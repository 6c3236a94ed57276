package dev.canarykit.k8s.alert;

/**
 * What became of one alert for one route. Messages name the route and the problem, never an address or a token.
 *
 * @since 0.1.0
 */
public sealed interface AlertDelivery {

  /** The route: {@code <provider>.<namespace>}, or {@value AlertDispatcher#GLOBAL_ROUTE}. */
  String route();

  /**
   * The receiver accepted the alert (a 2xx status).
   *
   * @param route the route
   * @param status the HTTP status
   */
  record Sent(String route, int status) implements AlertDelivery {}

  /**
   * The alert was not delivered.
   *
   * @param route the route
   * @param reason why, for counting
   * @param message what went wrong, for a log line
   */
  record Failed(String route, Reason reason, String message) implements AlertDelivery {}

  /** Why an alert was not delivered. */
  enum Reason {
    /** No AlertProvider of that name in that namespace. */
    PROVIDER_NOT_FOUND,
    /** The provider is unusable: unknown type, no address, or an address or proxy that is not a URL. */
    PROVIDER_INVALID,
    /** The provider's Secret does not exist. */
    SECRET_NOT_FOUND,
    /** The provider's Secret could not be read. */
    SECRET_FAILED,
    /** The provider's Secret has no {@code address} key. */
    SECRET_WITHOUT_ADDRESS,
    /** The receiver could not be reached or did not answer in time. */
    UNREACHABLE,
    /** The receiver answered with a status outside 2xx. */
    REJECTED
  }
}
