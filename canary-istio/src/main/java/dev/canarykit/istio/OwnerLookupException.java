package dev.canarykit.istio;

/**
 * The owner of the Istio objects about to be created could not be determined (for example the Canary could not be
 * read: API server outage, 403). Creating them without an owner would leave them behind when the Canary is
 * deleted, so the router reports the write as failed instead; the next tick tries again.
 */
public final class OwnerLookupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param namespace the Canary's namespace
   * @param name the Canary's name
   * @param cause why its owner could not be determined
   */
  public OwnerLookupException(String namespace, String name, Throwable cause) {
    super("cannot read Canary " + namespace + "/" + name + " to set it as owner (" + cause.getMessage()
        + "); nothing created without an owner", cause);
  }
}
