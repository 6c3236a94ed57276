package dev.canarykit.prometheus;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with {@link TooLarge} once more than a given number of bytes has been read. */
final class BoundedInputStream extends FilterInputStream {
  private final long limit;
  private long count;

  BoundedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  /** The body is larger than allowed. */
  static final class TooLarge extends IOException {
    TooLarge(long limit) {
      super("response body exceeds " + limit + " bytes");
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    return n < 0 ? n : (int) counted(n);
  }

  private long counted(int n) throws TooLarge {
    count += n;
    if (count > limit) {
      throw new TooLarge(limit);
    }
    return n;
  }
}
