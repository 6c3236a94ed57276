package dev.canarykit.examples.demo;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A simulated Istio mesh in one namespace. A service reaches the pods its selector picks ({@link ServiceDirectory}):
 * {@code <svc>-canary} the target's, {@code <svc>-primary} the primary's. Traffic through the gateway (and to a host
 * a mesh-bound VirtualService lists) is split by the weights of the live VirtualService, with its mirror. A Deployment's pods run the podinfo version of its image tag ({@link PodinfoServer}, one
 * per version); without available replicas the mesh answers 503 as Envoy does. Every request a pod serves is
 * recorded in {@link IstioMetrics} as the destination sidecar reports it.
 */
final class Mesh implements AutoCloseable {
  private final String namespace;
  /** The ingress gateway user traffic enters through. */
  public static final String GATEWAY = "public-gateway";

  private final ServiceDirectory directory;
  private final MeshRoutes routes;
  private final IstioMetrics metrics;
  private final Scenario scenario;
  private final Map<String, PodinfoServer> versions = new ConcurrentHashMap<>();
  private final ExecutorService mirrors = Executors.newCachedThreadPool(Daemons.named("mirror"));
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * A mesh over {@code deployments} (a cache of the namespace's Deployments) that reads Services and
   * VirtualServices through {@code client}, which the caller owns.
   */
  public Mesh(KubernetesClient client, String namespace, SharedIndexInformer<Deployment> deployments,
      IstioMetrics metrics, Scenario scenario) {
    this(client, client, namespace, deployments, metrics, scenario);
  }

  /**
   * A mesh whose Services live behind {@code workload} and whose VirtualServices live behind {@code control}, the
   * mesh control plane's API server (both clients owned by the caller).
   */
  public Mesh(KubernetesClient workload, KubernetesClient control, String namespace,
      SharedIndexInformer<Deployment> deployments, IstioMetrics metrics, Scenario scenario) {
    this.namespace = namespace;
    this.directory = new ServiceDirectory(workload, namespace, deployments);
    this.routes = new MeshRoutes(control, namespace);
    this.metrics = metrics;
    this.scenario = scenario;
  }

  /** The ingress gateway's workload, the client of every request entering through {@value #GATEWAY}. */
  public static final Caller INGRESS = new Caller("istio-system", "istio-ingressgateway");

  /**
   * A request entering through the ingress gateway {@value #GATEWAY} for {@code app}: routed by the VirtualService
   * bound to the gateway, or (before there is one) to the service {@code app}.
   */
  public Response gateway(String app, String method, String path, String body) {
    return route(INGRESS, service(app), GATEWAY, method, path, body);
  }

  /**
   * Sends a request from the workload {@code from} to {@code host} ({@code podinfo-canary},
   * {@code podinfo-canary.test:9898}, {@code podinfo.test.svc.cluster.local}...).
   */
  public Response send(Caller from, String host, String method, String path, String body) {
    return route(from, service(host), null, method, path, body);
  }

  private Response route(Caller from, String service, String gateway, String method, String path, String body) {
    var route = routes.route(service, gateway);
    if (route.isPresent()) {
      if (route.get().mirror() != null) {
        String mirror = service(route.get().mirror());
        mirrors.execute(() -> serve(from, mirror, method, path, body));
      }
      return serve(from, service(route.get().host()), method, path, body);
    }
    return serve(from, service, method, path, body);
  }

  /** The service name of a host: no port, no {@code .<namespace>[.svc.cluster.local]} suffix. */
  String service(String host) {
    String h = host.replaceFirst("^https?://", "").replaceFirst("[:/].*$", "");
    int dot = h.indexOf('.');
    return dot < 0 ? h : h.substring(0, dot);
  }

  private Response serve(Caller from, String service, String method, String path, String body) {
    Deployment d = directory.deployment(service).orElse(null);
    String workload = d == null ? service : d.getMetadata().getName();
    Integer available = d == null || d.getStatus() == null ? null : d.getStatus().getAvailableReplicas();
    if (available == null || available == 0 || RolloutSimulator.replicas(d) == 0) {
      return new Response(503, "no healthy upstream", workload, null);
    }
    String version = version(d);
    PodinfoServer pod = versions.computeIfAbsent(version,
        v -> PodinfoServer.start(v, PodinfoServer.Behaviour.of(scenario, v)));
    long start = System.nanoTime();
    int code;
    String text;
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(pod.address() + path))
          .timeout(Duration.ofSeconds(15)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      code = r.statusCode();
      text = r.body();
    } catch (IOException e) {
      code = 503;
      text = "upstream connect error: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response(503, "interrupted", workload, version);
    }
    metrics.record(from, workload, namespace, code, (System.nanoTime() - start) / 1e6);
    return new Response(code, text, workload, version);
  }

  private static String version(Deployment d) {
    String image = d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    return image.substring(image.lastIndexOf(':') + 1);
  }

  @Override
  public void close() {
    routes.close();
    directory.close();
    mirrors.shutdownNow();
    versions.values().forEach(PodinfoServer::close);
  }

  /**
   * The workload a request comes from, as Istio's telemetry names it ({@code source_workload_namespace},
   * {@code source_workload}); a mirrored copy keeps its original's.
   *
   * @param namespace the client's namespace
   * @param workload the client's workload
   */
  public record Caller(String namespace, String workload) {}

  /**
   * A response through the mesh.
   *
   * @param status the HTTP status
   * @param body the body
   * @param workload the Deployment that served it
   * @param version the podinfo version that served it, or {@code null} when no pod did
   */
  public record Response(int status, String body, String workload, String version) {}
}
