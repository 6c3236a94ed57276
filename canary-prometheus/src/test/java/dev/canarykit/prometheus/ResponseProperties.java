package dev.canarykit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.analysis.Outcome.MetricResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random and mutated responses never make an exception escape; every answer is a typed result. */
class ResponseProperties {
  private static final List<String> SEEDS = List.of(FixedServer.vector("1.5"), FixedServer.vector("NaN"),
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}",
      "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"+Inf\"]}}",
      "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1,\"1\"]]}]}}",
      "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}");

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<String> seed = Arbitraries.of(SEEDS);
    Arbitrary<Integer> at = Arbitraries.integers().between(0, 200);
    Arbitrary<String> insert = Arbitraries.strings().withChars("{}[]\",:0123456789.eE+-NaInftrulsx \\\u0000\u00ff")
        .ofMaxLength(6);
    return Combinators.combine(seed, at, at, insert).as((s, from, len, ins) -> {
      int a = Math.min(from, s.length());
      int b = Math.min(s.length(), a + len % 8);
      return s.substring(0, a) + ins + s.substring(b);
    });
  }

  @Property(tries = 2000)
  void mutatedBodiesGiveATypedResult(@ForAll("mutated") String body, @ForAll("statuses") int status) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    MetricResult r = InstantReader.read(status, bytes, bytes.length);
    assertThat(r).isNotNull();
    if (r instanceof Outcome.MetricValue v) {
      assertThat(v.value()).isNotNaN();
    }
  }

  @Property(tries = 1000)
  void randomBytesGiveATypedResult(@ForAll byte[] body, @ForAll("statuses") int status) {
    assertThat(InstantReader.read(status, body, body.length)).isNotNull();
  }

  @Property(tries = 1000)
  void rangeReaderNeverThrows(@ForAll("mutated") String body, @ForAll("statuses") int status) {
    var in = new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    assertThat(RangeReader.read(status, in, 1 << 20)).isNotNull();
  }

  @Provide
  Arbitrary<Integer> statuses() {
    return Arbitraries.of(200, 204, 400, 422, 500, 503);
  }
}
