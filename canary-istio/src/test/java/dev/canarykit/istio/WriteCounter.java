package dev.canarykit.istio;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every request other than GET that a client sends, as {@code METHOD path}. */
final class WriteCounter implements Interceptor {
  private final List<String> writes = new CopyOnWriteArrayList<>();

  /** A client of {@code server} whose writes this counter records. */
  KubernetesClient client(KubernetesMockServer server) {
    return server.createClient(b -> b.withHttpClientBuilderConsumer(h -> h.addOrReplaceInterceptor("writes", this)));
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    if (!"GET".equals(request.method())) {
      writes.add(request.method() + " " + request.uri().getPath());
    }
  }

  List<String> writes() {
    return List.copyOf(writes);
  }

  void clear() {
    writes.clear();
  }
}
