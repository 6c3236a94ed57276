package dev.canarykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AddressMapTest {

  private static String rewrite(AddressMap map, String url) {
    return map.apply(URI.create(url)).toString();
  }

  @Test
  void aHostRuleReplacesHostAndPortAndKeepsTheRest() {
    AddressMap map = AddressMap.builder().host("flagger-loadtester.test", "127.0.0.1:18080").build();
    assertThat(rewrite(map, "http://Flagger-Loadtester.test/gate/check?x=1#f"))
        .isEqualTo("http://127.0.0.1:18080/gate/check?x=1#f");
    assertThat(rewrite(map, "https://flagger-loadtester.test:8443/")).isEqualTo("https://127.0.0.1:18080/");
    assertThat(rewrite(map, "http://other.test/")).isEqualTo("http://other.test/");
  }

  @Test
  void aHostAndPortRuleMatchesTheSchemesDefaultPort() {
    AddressMap map = AddressMap.builder().host("loadtester:80", "127.0.0.1:1").host("loadtester", "127.0.0.1:2")
        .build();
    assertThat(rewrite(map, "http://loadtester/")).isEqualTo("http://127.0.0.1:1/");
    assertThat(rewrite(map, "http://loadtester:80/")).isEqualTo("http://127.0.0.1:1/");
    assertThat(rewrite(map, "https://loadtester/")).isEqualTo("https://127.0.0.1:2/");
  }

  @Test
  void prefixRulesComeFirstInTheOrderAdded() {
    AddressMap map = AddressMap.builder().prefix("http://a.test/hooks/", "http://127.0.0.1:9/v2/")
        .prefix("http://a.test/", "http://127.0.0.1:8/").host("a.test", "127.0.0.1:7").build();
    assertThat(rewrite(map, "http://a.test/hooks/x")).isEqualTo("http://127.0.0.1:9/v2/x");
    assertThat(rewrite(map, "http://a.test/y")).isEqualTo("http://127.0.0.1:8/y");
    assertThat(rewrite(map, "http://a.test:81/y")).isEqualTo("http://127.0.0.1:7/y");
  }

  @Test
  void rulesAreChecked() {
    assertThatThrownBy(() -> AddressMap.builder().host("a", "127.0.0.1")).hasMessageContaining("host:port");
    assertThatThrownBy(() -> AddressMap.builder().prefix("http://a/", "file:/tmp/")).hasMessageContaining("http(s)");
    assertThatThrownBy(() -> AddressMap.builder().prefix("", "http://b/")).hasMessageContaining("from");
  }

  @Test
  void noneRewritesNothing() {
    assertThat(rewrite(AddressMap.NONE, "http://flagger-loadtester.test/")).isEqualTo("http://flagger-loadtester.test/");
  }
}
