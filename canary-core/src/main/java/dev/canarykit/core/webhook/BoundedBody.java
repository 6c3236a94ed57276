package dev.canarykit.core.webhook;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps at most the first {@code maxChars} characters of a response body as its excerpt. Once enough bytes have
 * arrived it cancels the rest, so an endless or huge body neither fills memory nor holds the tick.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<String> {
  private final int maxChars;
  private final byte[] kept;
  private final CompletableFuture<String> result = new CompletableFuture<>();
  private int size;
  private boolean truncated;
  private Flow.Subscription subscription;

  BoundedBody(int maxChars) {
    this.maxChars = maxChars;
    this.kept = new byte[Math.multiplyExact(maxChars, 4)]; // UTF-8 needs at most 4 bytes per character
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    for (ByteBuffer b : buffers) {
      int n = Math.min(b.remaining(), kept.length - size);
      b.get(kept, size, n);
      size += n;
      truncated |= b.hasRemaining();
    }
    if (truncated || size == kept.length) {
      truncated = true;
      subscription.cancel();
      finish();
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    finish();
  }

  @Override
  public CompletionStage<String> getBody() {
    return result;
  }

  private void finish() {
    String text = new String(Arrays.copyOf(kept, size), StandardCharsets.UTF_8);
    if (text.length() > maxChars) {
      text = text.substring(0, maxChars);
      truncated = true;
    }
    result.complete(truncated ? text + "..." : text);
  }
}
