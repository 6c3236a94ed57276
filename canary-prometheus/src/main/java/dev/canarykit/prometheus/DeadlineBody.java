package dev.canarykit.prometheus;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A response body read as a stream whose reads end by a deadline. The JDK's own stream
 * ({@code BodyHandlers.ofInputStream()}) blocks without limit once the headers have arrived, so a server that sends
 * them and then stalls, or drips the body without ever finishing it, would hold the query (and the tick) forever.
 * Reads past the deadline throw {@link BodyTimeout}; a connection that breaks mid-body throws the JDK's error.
 * Demand is one buffer list at a time, so a slow reader never makes the client buffer a large body.
 */
final class DeadlineBody implements HttpResponse.BodySubscriber<InputStream> {
  private static final Object END = new Object();
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

  private final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
  private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
  private final long deadlineNanos;
  private final Stream stream = new Stream();

  /** A body whose reads end by {@code deadlineNanos} ({@link System#nanoTime()} time). */
  DeadlineBody(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public CompletionStage<InputStream> getBody() {
    return CompletableFuture.completedStage(stream);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    if (!subscription.complete(s)) {
      s.cancel();
    }
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    items.add(item);
  }

  @Override
  public void onError(Throwable failure) {
    items.add(failure);
  }

  @Override
  public void onComplete() {
    items.add(END);
  }

  /** A read of the body did not complete by the deadline. */
  static final class BodyTimeout extends HttpTimeoutException {
    private static final long serialVersionUID = 1L;

    BodyTimeout() {
      super("the response body did not arrive in full before the deadline");
    }
  }

  private final class Stream extends InputStream {
    private Iterator<ByteBuffer> buffers = Collections.emptyIterator();
    private ByteBuffer current = EMPTY;
    private boolean requested;
    private boolean done;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, current.remaining());
      current.get(b, off, n);
      return n;
    }

    @Override
    public void close() {
      if (!done) {
        done = true;
        subscription.thenAccept(Flow.Subscription::cancel);
      }
    }

    /** Makes {@code current} hold unread bytes; false at the end of the body. */
    private boolean fill() throws IOException {
      while (!current.hasRemaining()) {
        if (buffers.hasNext()) {
          current = buffers.next();
        } else if (done) {
          return false;
        } else {
          buffers = next();
        }
      }
      return true;
    }

    @SuppressWarnings("unchecked")
    private Iterator<ByteBuffer> next() throws IOException {
      if (!requested) {
        subscription().request(1);
        requested = true;
      }
      Object item = poll();
      if (item == END) {
        done = true;
        return Collections.emptyIterator();
      }
      if (item instanceof Throwable failure) {
        done = true;
        throw failure instanceof IOException io ? io : new IOException(failure);
      }
      requested = false;
      return ((List<ByteBuffer>) item).iterator();
    }

    private Flow.Subscription subscription() throws IOException {
      try {
        return subscription.get(remaining(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        throw timedOut();
      } catch (ExecutionException e) {
        throw new IOException(e.getCause());
      } catch (InterruptedException e) {
        throw interrupted();
      }
    }

    private Object poll() throws IOException {
      try {
        Object item = items.poll(remaining(), TimeUnit.NANOSECONDS);
        if (item == null) {
          throw timedOut();
        }
        return item;
      } catch (InterruptedException e) {
        throw interrupted();
      }
    }

    private long remaining() {
      return Math.max(0, deadlineNanos - System.nanoTime());
    }

    private BodyTimeout timedOut() {
      close();
      return new BodyTimeout();
    }

    private InterruptedIOException interrupted() {
      Thread.currentThread().interrupt();
      close();
      return new InterruptedIOException("interrupted while reading the response");
    }
  }
}
