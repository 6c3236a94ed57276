package dev.canarykit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.validation.Violation;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every VirtualService rule of istiod a Canary can break is a violation at the Canary field that causes it, and the
 * nearest value istiod accepts is not. Each case is the flow-style body of {@code spec.service} (after
 * {@code port: 80}) and, after {@code ;}, extra fields of {@code spec.analysis}.
 */
class IstiodRulesTest {
  private static final String REJECTS = "istiod rejects the VirtualService: ";

  private static List<Violation> violations(String serviceAndAnalysis) {
    String[] parts = serviceAndAnalysis.split(";", 2);
    String analysis = parts.length > 1 ? parts[1] : "stepWeight: 10";
    return Yaml.check(FlaggerDocumentsTest.BASE.replace("service: {port: 80}", "service: {port: 80, " + parts[0]
        + "}") + "  analysis: {interval: 1m, threshold: 5, " + analysis + "}\n").violations();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      hosts: [Bad_Host.example.com]                       | spec.service.hosts[0]      | label "Bad_Host" is not a DNS label
      hosts: [app.123]                                    | spec.service.hosts[0]      | the top-level domain "123" cannot be all digits
      hosts: [a.*.example.com]                            | spec.service.hosts[0]      | label "*" is not a DNS label
      gateways: [istio-system/Public_GW]                  | spec.service.gateways[0]   | gateway name "Public_GW" is not a DNS label
      gateways: [istio-system/]                           | spec.service.gateways[0]   | gateway name "" is not a DNS label
      gateways: [gw..istio-system]                        | spec.service.gateways[0]   | label "" is not a DNS label
      match: [{headers: {"x user": {exact: a}}}]          | spec.service.match[0].headers.x user | header "x user" is not a valid header name
      match: [{headers: {"@request.auth.claims.group": {exact: admin}}}] | spec.service.match[0].headers.@request.auth.claims.group | routing on JWT claims works only at gateways
      match: [{uri: {regex: "(?=/api)/.*"}}]              | spec.service.match[0].uri.regex | is not an RE2 regex
      match: [{headers: {x-a: {regex: "(a)\\\\1"}}}]        | spec.service.match[0].headers.x-a.regex | is not an RE2 regex
      match: [{headers: {x-a: {regex: ""}}}]              | spec.service.match[0].headers.x-a.regex | a regex match cannot be empty
      match: [{headers: {x-a: {prefix: ""}}}]             | spec.service.match[0].headers.x-a.prefix | a prefix match cannot be empty here
      match: [{method: {prefix: ""}}]                     | spec.service.match[0].method.prefix | a prefix match cannot be empty here
      match: [{queryParams: {q: {regex: "[a"}}}]          | spec.service.match[0].queryParams.q.regex | is not an RE2 regex
      match: [{withoutHeaders: {x-a: {regex: "+"}}}]      | spec.service.match[0].withoutHeaders.x-a.regex | is not an RE2 regex
      match: [{port: 70000}]                              | spec.service.match[0].port | a port must be between 1 and 65535
      match: [{sourceLabels: {app: "bad value!"}}]        | spec.service.match[0].sourceLabels.app | is not a valid label value
      match: [{sourceLabels: {-app: a}}]                  | spec.service.match[0].sourceLabels.-app | the key is not a valid label key
      match: [{sourceNamespace: Bad_NS}]                  | spec.service.match[0].sourceNamespace | a namespace must be a DNS label
      match: [{gateways: [a/b/c]}]                        | spec.service.match[0].gateways[0] | gateway name "b/c" is not a DNS label
      headers: {request: {set: {":path": /x}}}            | spec.service.headers.request.set.:path | header ":path" is a pseudo-header
      headers: {request: {remove: [":authority"]}}        | spec.service.headers.request.remove[0] | header ":authority" is a pseudo-header
      headers: {response: {set: {host: a}}}               | spec.service.headers.response.set.host | header "host" cannot be changed here
      headers: {response: {add: {"": a}}}                 | spec.service.headers.response.add. | a header name cannot be empty
      headers: {request: {add: {x-a: "100%"}}}            | spec.service.headers.request.add.x-a | is not a valid Envoy header value
      headers: {request: {set: {x-a: "%START_TIME"}}}     | spec.service.headers.request.set.x-a | is not a valid Envoy header value
      rewrite: {authority: a}, headers: {request: {set: {host: b}}} | spec.service.headers.request.set.host | the authority is already rewritten by spec.service.rewrite.authority
      rewrite: {uri: ""}                                  | spec.service.rewrite       | a rewrite needs a non-empty uri or authority
      corsPolicy: {allowOrigins: [{exact: ""}]}           | spec.service.corsPolicy.allowOrigins[0] | an allowed origin needs a non-empty exact, prefix or regex
      corsPolicy: {allowOrigins: [{regex: "(a"}]}         | spec.service.corsPolicy.allowOrigins[0].regex | is not an RE2 regex
      corsPolicy: {allowMethods: [get]}                   | spec.service.corsPolicy.allowMethods[0] | not an HTTP method istiod allows
      corsPolicy: {allowHeaders: ["x y"]}                 | spec.service.corsPolicy.allowHeaders[0] | is not a valid header name
      corsPolicy: {maxAge: 1500ms}                        | spec.service.corsPolicy.maxAge | this duration must be in whole seconds
      retries: {retryOn: 5xx}                             | spec.service.retries.attempts | retryOn or perTryTimeout is set but attempts is 0
      retries: {attempts: -1}                             | spec.service.retries.attempts | attempts cannot be negative
      retries: {attempts: 3, retryOn: "5xx, reset"}       | spec.service.retries.retryOn | " reset" is not a retry condition
      retries: {attempts: 3, retryOn: "599"}              | spec.service.retries.retryOn | "599" is not a retry condition
      retries: {attempts: 3, perTryTimeout: 500us}        | spec.service.retries.perTryTimeout | a duration must be at least 1ms
      timeout: 1500us                                     | spec.service.timeout       | a duration must be in whole milliseconds
      timeout: 0s                                         | spec.service.timeout       | a duration must be at least 1ms
      delegation: true, appProtocol: tcp                  | spec.service.appProtocol   | a delegate VirtualService (delegation: true) cannot have a TCP route
      appProtocol: tcp, match: [{port: 0}, {port: 65536}] | spec.service.match[1].port | a port must be between 1 and 65535
      ;iterations: 10, match: [{headers: {"x user": {exact: a}}}] | spec.analysis.match[0].headers.x user | header "x user" is not a valid header name
      ;iterations: 10, match: [{queryParams: {q: {regex: "(?<!a)b"}}}] | spec.analysis.match[0].queryParams.q.regex | is not an RE2 regex
      ;iterations: 10, match: [{sourceLabels: {app: "a b"}}] | spec.analysis.match[0].sourceLabels.app | is not a valid label value
      """)
  void whatIstiodRejectsIsAViolationAtTheCanaryField(String canary, String path, String why) {
    assertThat(violations(canary)).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo(path);
      assertThat(v.message()).contains(why);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "hosts: [10.0.0.1, \"app.example.com.\", \"*-app.example.org\", \"*.example.net\", App.Example.IO]",
      "gateways: [istio-system/public-gateway, public-gateway.istio-system.svc.cluster.local, mesh]",
      "gateways: [istio-system/gw], match: [{headers: {\"@request.auth.claims.group\": {exact: admin}}}]",
      "match: [{uri: {prefix: \"\"}}, {uri: {regex: \"(?P<v>/v[0-9]+)/.*\"}}, {headers: {\":authority\": {}}}]",
      "match: [{withoutHeaders: {x-a: {regex: \"*\"}}, sourceLabels: {example.com/app: a.b_c-d}, port: 8080}]",
      "headers: {request: {set: {host: a, x-b: \"100%%\"}, add: {x-c: \"%HOSTNAME%\"}, remove: [x-d]}}",
      "headers: {response: {set: {x-t: \"%START_TIME(%s.%3f)%\", x-d: \"%DOWNSTREAM_PEER_URI_SAN%\"}}}",
      "rewrite: {type: ReplacePrefixMatch}",
      "rewrite: {uri: /, authority: b}",
      "corsPolicy: {allowOrigins: [{prefix: \"https://\"}], allowMethods: [GET, \"*\"], allowHeaders: [\"*\"],"
          + " exposeHeaders: [x-a], maxAge: 24h}",
      "retries: {attempts: 3, perTryTimeout: 1.5s, retryOn: \"gateway-error,connect-failure,refused-stream,503\"}",
      "retries: {attempts: 0}",
      "timeout: 1m30s",
      "appProtocol: tcp, match: [{headers: {\"x user\": {exact: a}}, port: 9000}]",
      "delegation: true, match: [{uri: {regex: \"/v[0-9]+\"}}]",
      ";iterations: 10, match: [{headers: {user-agent: {suffix: \"(iPhone\"}}}]"})
  void whatIstiodAcceptsIsNoViolation(String canary) {
    assertThat(violations(canary)).isEmpty();
  }
}
