package dev.canarykit.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Command.SessionCookies;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.SessionAffinity;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any Canary routing options and any weights, mirror and cookies: every route written is one Istio accepts,
 * reading it back gives the weights and mirror that were set, and rendering what was read changes nothing (so
 * reconcile keeps the analysis' progress and writes nothing).
 */
class RouteRenderingProperties {
  private static final Map<String, Object> API = Map.of("uri", Map.of("prefix", "/api"));
  private static final Map<String, Object> PORT = Map.of("port", 8080);
  private static final Map<String, Object> INSIDER = Map.of("headers", Map.of("x-user", Map.of("exact", "insider")));

  @Property
  void everyRouteIsOneIstioAccepts(@ForAll("canaries") Canary canary, @ForAll("states") RouteState state) {
    Map<String, Object> spec = VirtualServiceSpecs.render(canary, state);
    assertThat(RouteChecks.problems(spec, canary.spec().service().delegation())).isEmpty();
  }

  @Property
  void readingBackGivesWhatWasSet(@ForAll("canaries") Canary canary, @ForAll("states") RouteState state) {
    LiveRoutes.Read read = new LiveRoutes(canary).read(VirtualServiceSpecs.render(canary, state));
    boolean tcp = VirtualServiceSpecs.isTcp(canary.spec().service());
    assertThat(read.state().routes())
        .isEqualTo(new Outcome.Routes(state.primaryWeight(), state.canaryWeight(), state.mirrored() && !tcp));
  }

  @Property
  void renderingWhatWasReadChangesNothing(@ForAll("canaries") Canary canary, @ForAll("states") RouteState state) {
    Map<String, Object> written = VirtualServiceSpecs.render(canary, state);
    RouteState read = new LiveRoutes(canary).read(written).state();
    assertThat(VirtualServiceSpecs.render(canary, read)).isEqualTo(written);
  }

  @Provide
  Arbitrary<Canary> canaries() {
    Arbitrary<List<String>> hosts = Arbitraries.of("podinfo", "*", "app.example.com").list().uniqueElements()
        .ofMaxSize(2);
    Arbitrary<List<String>> gateways = Arbitraries.of("mesh", "istio-system/public").list().uniqueElements()
        .ofMaxSize(2);
    Arbitrary<List<Map<String, Object>>> match = Arbitraries.of(API, PORT).list().ofMaxSize(2);
    Arbitrary<Boolean> flags = Arbitraries.of(true, false);
    Arbitrary<Canary> service = Combinators.combine(hosts, gateways, match, flags, flags, flags)
        .as((h, g, m, delegation, tcp, ports) -> Canaries.withService(Canaries.podinfo(), s -> s
            .hosts(delegation ? List.of() : h).gateways(delegation ? List.of() : g).delegation(delegation)
            .match(m).appProtocol(tcp ? "TCP" : null).portDiscovery(ports)));
    Arbitrary<SessionAffinity> affinity = Arbitraries.of(null, SessionAffinity.of("canary-c"),
        new SessionAffinity("canary-c", "primary-c", 600, "example.com", true, true, "/", "Strict", true));
    return Combinators.combine(service, affinity, Arbitraries.integers().between(0, 100), flags)
        .as((c, a, mirrorWeight, ab) -> new Canary(c.name(), c.namespace(), c.spec().withAnalysis(c.spec()
            .analysis().toBuilder().sessionAffinity(a).mirrorWeight(mirrorWeight)
            .match(ab ? List.of(INSIDER) : List.of()).iterations(ab ? 5 : null).build())));
  }

  @Provide
  Arbitrary<RouteState> states() {
    Arbitrary<String> canaryCookie = Arbitraries.of("", "canary-c=abcdefghij");
    Arbitrary<String> previous = Arbitraries.of("", "canary-c=zyxwvutsrq");
    Arbitrary<String> primary = Arbitraries.of("", "primary-c=klmnopqrst");
    Arbitrary<SessionCookies> cookies = Combinators.combine(canaryCookie, previous, primary).as(SessionCookies::new)
        .injectNull(0.3);
    return Combinators.combine(Arbitraries.integers().between(0, 100), Arbitraries.of(true, false), cookies)
        .as((p, mirrored, c) -> new RouteState(p, 100 - p, mirrored, c));
  }
}
