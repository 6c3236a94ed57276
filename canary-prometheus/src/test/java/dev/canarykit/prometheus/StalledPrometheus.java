package dev.canarykit.prometheus;

import dev.canarykit.core.testing.StallingServer;
import dev.canarykit.core.testing.StallingServer.Fault;
import java.io.IOException;

/** A {@link StallingServer} that speaks as Prometheus would before it misbehaves. */
final class StalledPrometheus {
  private static final String PART = "{\"status\":\"success\",\"data\":{\"resultType\":\"vec";
  private static final String WHOLE =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"1\"]}]}}";

  private StalledPrometheus() {}

  /** The server: {@link Fault#NEVER_CLOSE} sends a whole instant-query answer, the other faults the start of one. */
  static StallingServer start(Fault fault) throws IOException {
    return new StallingServer(fault, fault == Fault.NEVER_CLOSE ? WHOLE : PART);
  }
}
