package dev.canarykit.prometheus;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an instant-query answer whose result must be a vector, keeping every series' labels and value. Anything
 * else (a scalar, a matrix, an error status, a body that is not Prometheus' JSON) is a {@link VectorResult.Error}.
 */
final class VectorReader {
  private VectorReader() {}

  /** The result of an HTTP answer with {@code status} and the first {@code length} bytes of {@code body}. */
  static VectorResult read(int status, byte[] body, int length) {
    return Envelope.read(status, body, length, true, VectorReader::interpret, VectorResult.Error::new);
  }

  private static VectorResult interpret(Envelope e) {
    String unexpected = e.unexpected("vector");
    if (unexpected != null) {
      return new VectorResult.Error(unexpected);
    }
    List<VectorResult.Sample> out = new ArrayList<>(e.series.size());
    for (Envelope.Series s : e.series) {
      if (s.range()) {
        return new VectorResult.Error("malformed response: a series holds a range of samples; expected an instant"
            + " vector");
      }
      if (s.samples().isEmpty()) {
        return new VectorResult.Error("malformed response: a series has no value");
      }
      out.add(new VectorResult.Sample(s.labels(), s.samples().get(0).value()));
    }
    return new VectorResult.Vector(out);
  }
}
