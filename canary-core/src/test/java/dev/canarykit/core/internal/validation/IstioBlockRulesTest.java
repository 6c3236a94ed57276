package dev.canarykit.core.internal.validation;

import static dev.canarykit.core.internal.validation.Seed.assertSingle;
import static dev.canarykit.core.internal.validation.Seed.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.validation.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Canary built in Java is told about fields outside Flagger's schema of the Istio blocks, and empty matches. */
class IstioBlockRulesTest {
  private static final Map<String, Object> API = Map.of("uri", Map.of("prefix", "/api"));

  @Test
  void everyFieldOutsideFlaggersSchemaIsAViolationAtItsFullPath() {
    Canary canary = Seed.withService(s -> s.match(List.of(API, Map.of("uri", Map.of("prefix", "/v2"),
            "bogusMatch", 1, "headers", Map.of("x-a", Map.of("exact", "1", "suffix", "z")))))
        .rewrite(Map.of("uri", "/", "uriRegexRewrite", Map.of("match", "a")))
        .retries(Map.of("attempts", 2, "backoff", "1s"))
        .headers(Map.of("request", Map.of("bogusOp", Map.of())))
        .corsPolicy(Map.of("bogusCors", true))
        .trafficPolicy(Map.of("tunnel", Map.of(), "connectionPool", Map.of("tcp", Map.of()))));
    assertThat(canary.validate()).extracting(Violation::path).containsExactly(
        "spec.service.match[1].bogusMatch", "spec.service.match[1].headers.x-a.suffix",
        "spec.service.rewrite.uriRegexRewrite", "spec.service.retries.backoff",
        "spec.service.headers.request.bogusOp", "spec.service.corsPolicy.bogusCors",
        "spec.service.trafficPolicy.connectionPool.tcp", "spec.service.trafficPolicy.tunnel");
    assertThat(canary.validate().get(0).message()).isEqualTo("is not a field of Flagger's schema for Istio's"
        + " HTTPMatchRequest: the API server would prune it, so canarykit never writes it");
  }

  @Test
  void theAbMatchHasFlaggersSmallerSchemaWithSuffix() {
    assertValid(Seed.withAnalysis(a -> a.match(List.of(Map.of("headers",
        Map.of("user-agent", Map.of("suffix", "iPhone")))))));
    assertThat(Seed.withAnalysis(a -> a.match(List.of(Map.of("uri", API.get("uri"), "sourceLabels",
        Map.of("app", "tester"))))).validate()).extracting(Violation::path).containsExactly(
        "spec.analysis.match[0].uri");
  }

  @Test
  void aServiceMatchWithNoConditionIsInvalid() {
    Violation v = assertSingle(Seed.withService(s -> s.match(List.of(API, Map.of()))), "spec.service.match[1]",
        null);
    assertThat(v.message()).isEqualTo("has no condition (fields outside Flagger's schema do not count): Istio"
        + " would match every request with it; give it a condition or remove it");
    assertSingle(Seed.withService(s -> s.match(List.of(Map.of("name", "api", "ignoreUriCase", true,
        "headers", Map.of())))), "spec.service.match[0]", null);
  }

  @Test
  void anAbMatchMadeOnlyOfUnknownFieldsIsInvalidBecauseItWouldSendEveryRequestToTheCanary() {
    Canary canary = Seed.withAnalysis(a -> a.match(List.of(Map.of("bogusAb", Map.of("exact", "x")))));
    assertThat(canary.validate()).extracting(Violation::path).containsExactly("spec.analysis.match[0].bogusAb",
        "spec.analysis.match[0]");
    assertThat(canary.validate().get(1).message()).contains("would match every request with it and send all"
        + " of them to the canary");
  }

  @Test
  void onlyTheIstioProviderWritesTheseBlocks() {
    assertValid(Seed.withSpec(s -> s.provider("kubernetes").service(Seed.service().toBuilder()
        .match(List.of(Map.of("bogus", 1))).build())));
  }
}
