package dev.canarykit.examples.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@link ScaleCluster} in a JVM of its own, on this JVM's class path; closing it ends that JVM. */
final class ClusterProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private ClusterProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the cluster with {@code canaries} (already Initialized if {@code initialized}) and waits until it serves. */
  static ClusterProcess start(int canaries, Duration interval, boolean initialized) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        ScaleCluster.class.getName(), Integer.toString(canaries), interval.toSeconds() + "s",
        initialized ? "initialized" : "new"))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("PORT ")) {
        return new ClusterProcess(p, Integer.parseInt(line.substring(5).trim()));
      }
    }
    p.destroyForcibly();
    throw new IOException("the cluster process ended before it served (exit " + p.exitValue() + ")");
  }

  int port() {
    return port;
  }

  /** Process CPU time of the cluster's JVM so far, if the OS tells. */
  Duration cpu() {
    return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // it ends anyway
    }
    process.destroy();
  }
}
