package dev.canarykit.k8s.controller;

import java.time.Duration;

/** A {@link ControllerListener} whose exceptions are counted and logged ({@link DroppedFailures}), never thrown. */
final class GuardedControllerListener implements ControllerListener {
  private final ControllerListener delegate;
  private final DroppedFailures dropped;

  GuardedControllerListener(ControllerListener delegate, DroppedFailures dropped) {
    this.delegate = delegate;
    this.dropped = dropped;
  }

  @Override
  public void tickStarted(String namespace, String name, Duration lateness, Duration interval) {
    guard("tickStarted", () -> delegate.tickStarted(namespace, name, lateness, interval));
  }

  @Override
  public void analysisQueued(String namespace, String name, int position) {
    guard("analysisQueued", () -> delegate.analysisQueued(namespace, name, position));
  }

  @Override
  public void analysisAdmitted(String namespace, String name) {
    guard("analysisAdmitted", () -> delegate.analysisAdmitted(namespace, name));
  }

  @Override
  public void tookOver(int canaries, Duration took) {
    guard("tookOver", () -> delegate.tookOver(canaries, took));
  }

  private void guard(String callback, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      dropped.record("the controller listener's " + callback, e);
    }
  }
}
