package dev.canarykit.prometheus;

/**
 * Why a query could not be rendered.
 *
 * @param kind the kind of failure
 * @param message the reason, naming the field and (escaped) value where one is at fault
 */
record RenderError(Kind kind, String message) {

  /** Kinds of render failure. */
  public enum Kind {
    /** The template text is malformed (for example an unclosed action). */
    SYNTAX,
    /** The template uses a function or variable that does not exist, or a missing {@code variables} key. */
    UNKNOWN_VALUE,
    /** A value would have been substituted into PromQL but failed its safety check. */
    UNSAFE_VALUE
  }
}
