package dev.canarykit.examples.embed;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every request one client sends, as the RBAC authorizer sees it: verb, API group, resource and subresource
 * (recorded by a client interceptor, since the mock server does not keep bodies or clients apart).
 */
public final class RequestLog {
  /**
   * One authorization request.
   *
   * @param verb get, list, watch, create, update, patch, delete or deletecollection
   * @param group the API group, empty for the core group
   * @param resource the plural resource, with {@code /subresource} when there is one
   * @param namespace the namespace, or empty for a cluster-scoped request
   */
  public record Access(String verb, String group, String resource, String namespace) {
    @Override
    public String toString() {
      return verb + " " + (group.isEmpty() ? "" : group + "/") + resource;
    }
  }

  private final List<Access> accesses = new CopyOnWriteArrayList<>();
  private final List<String> nonResource = new CopyOnWriteArrayList<>();

  /** A client of {@code server} whose requests are recorded here. */
  public KubernetesClient client(KubernetesMockServer server) {
    return server.createClient(b -> b.withHttpClientBuilderConsumer(hb -> hb.addOrReplaceInterceptor("rbac",
        new Interceptor() {
          @Override
          public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            record(request.method(), request.uri());
          }
        })));
  }

  void record(String method, URI uri) {
    String[] p = uri.getPath().replaceFirst("^/", "").split("/");
    int i;
    String group;
    if (p[0].equals("api") && p.length > 2) {
      group = "";
      i = 2;
    } else if (p[0].equals("apis") && p.length > 3) {
      group = p[1];
      i = 3;
    } else {
      nonResource.add(method + " " + uri.getPath());
      return;
    }
    String namespace = "";
    if (p[i].equals("namespaces") && p.length > i + 2) {
      namespace = p[i + 1];
      i += 2;
    }
    String resource = p[i];
    boolean named = p.length > i + 1;
    if (p.length > i + 2) {
      resource += "/" + p[i + 2];
    }
    String query = uri.getQuery() == null ? "" : uri.getQuery();
    accesses.add(new Access(verb(method, named, query.contains("watch=true")), group, resource, namespace));
  }

  private static String verb(String method, boolean named, boolean watch) {
    return switch (method) {
      case "GET" -> watch ? "watch" : named ? "get" : "list";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> named ? "delete" : "deletecollection";
      default -> method.toLowerCase(java.util.Locale.ROOT);
    };
  }

  public List<Access> accesses() {
    return List.copyOf(accesses);
  }

  /** Requests to paths that are not resources ({@code /version}, discovery). */
  public List<String> nonResourceRequests() {
    return List.copyOf(nonResource);
  }

  /** The distinct accesses, as {@code verb group/resource}. */
  public Set<String> distinct() {
    Set<String> out = new TreeSet<>();
    accesses.forEach(a -> out.add(a.toString()));
    return out;
  }
}
