package dev.canarykit.istio;

/**
 * What one read-modify-write decided.
 *
 * @param object the object to write, or {@code null} for no write
 * @param create whether {@code object} is new
 * @param failure why nothing can be written, or {@code null}
 * @param <T> the object type
 */
record Change<T>(T object, boolean create, String failure) {
  static <T> Change<T> none() {
    return new Change<>(null, false, null);
  }

  static <T> Change<T> create(T object) {
    return new Change<>(object, true, null);
  }

  static <T> Change<T> update(T object) {
    return new Change<>(object, false, null);
  }

  static <T> Change<T> fail(String failure) {
    return new Change<>(null, false, failure);
  }
}
