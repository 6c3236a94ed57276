package dev.canarykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "-0, 0",
    "0s, 0",
    "1ns, 1",
    "1us, 1000",
    "1µs, 1000",
    "1μs, 1000",
    "500ms, 500000000",
    "1.5s, 1500000000",
    "1m, 60000000000",
    "1h30m, 5400000000000",
    "1m30s, 90000000000",
    "-1.5h, -5400000000000",
    "+5s, 5000000000",
    ".5s, 500000000",
    "1.s, 1000000000",
    "1s1m, 61000000000",
    "1h1h, 7200000000000",
    "1.5ns1.5ns, 2",
    "0.000000001s, 1",
    "1.0000000019s, 1000000001",
    "9223372036854775807ns, 9223372036854775807",
    "-9223372036854775808ns, -9223372036854775808",
    "2562047h47m16.854775807s, 9223372036854775807",
  })
  void parsesLikeGo(String text, long nanos) {
    assertThat(GoDuration.parse(text)).contains(Duration.ofNanos(nanos));
    assertThat(GoDuration.isValid(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "1d", "s", ".s", ".", "1..5s", "1.2.3s", " 1s", "1s ", "1e3s", "-", "+",
      "1S", "1 s", "\u0663s", "9223372036854775808ns", "-9223372036854775809ns", "2562048h", "1m-5s", "--1s"})
  void rejectsWhatGoRejects(String text) {
    assertThat(GoDuration.parse(text)).isEmpty();
    assertThat(GoDuration.isValid(text)).isFalse();
  }

  @Test
  void rejectsNull() {
    assertThat(GoDuration.parse(null)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0s",
    "1, 1ns",
    "999, 999ns",
    "1100, 1.1µs",
    "2200000, 2.2ms",
    "1000000, 1ms",
    "1500000000, 1.5s",
    "1000000000, 1s",
    "60000000000, 1m0s",
    "90000000000, 1m30s",
    "3600000000000, 1h0m0s",
    "259380500000000, 72h3m0.5s",
    "-1500000000, -1.5s",
    "-1, -1ns",
    "100000000000, 1m40s",
    "9223372036854775807, 2562047h47m16.854775807s",
    "-9223372036854775808, -2562047h47m16.854775808s",
  })
  void formatsLikeGoDurationString(long nanos, String expected) {
    assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1h0m0s", "1m30s", "1.5s", "2.2ms", "1.1µs", "1ns", "-72h3m0.5s"})
  void formatThenParseRoundTrips(String text) {
    assertThat(GoDuration.format(GoDuration.parse(text).orElseThrow())).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({
    "99, 99",
    "99.5, 99.5",
    "100, 100",
    "500, 500",
    "0.1, 0.1",
    "99.99, 99.99",
    "123456, 123456",
    "999999, 999999",
    "1000000, 1e+06",
    "1234567, 1.234567e+06",
    "1e21, 1e+21",
    "1e100, 1e+100",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "0.000015, 1.5e-05",
    "-2.5, -2.5",
    "-1234567.5, -1.2345675e+06",
    "0.30000000000000004, 0.30000000000000004",
    "0.3333333333333333, 0.3333333333333333",
    "4.9E-324, 5e-324",
    "1.7976931348623157E308, 1.7976931348623157e+308",
    "2.0E23, 2e+23",
    "9007199254740993, 9.007199254740992e+15",
  })
  void formatsNumbersLikeGoPercentV(double value, String expected) {
    assertThat(GoDuration.formatNumber(value)).isEqualTo(expected);
  }

  @Test
  void formatsSpecialNumbersLikeGo() {
    assertThat(GoDuration.formatNumber(0.0)).isEqualTo("0");
    assertThat(GoDuration.formatNumber(-0.0)).isEqualTo("-0");
    assertThat(GoDuration.formatNumber(Double.NaN)).isEqualTo("NaN");
    assertThat(GoDuration.formatNumber(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(GoDuration.formatNumber(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
  }
}
