/**
 * The imperative shell: {@link CanaryDriver} runs one tick of the pure state machine against the ports and
 * returns a {@link TickReport} that replays bit for bit.
 *
 * <pre>{@code
 * CanaryDriver driver = CanaryDriver.builder()
 *     .workloads(workloads).router(router).metrics(metrics).webhooks(webhooks).statuses(statuses)
 *     .events(events).clock(Clock.systemUTC()).build();
 * TickReport report = driver.tick(canary);
 * report.verifyReplay(); // the decision provenance: the same outcomes give the same transitions
 * }</pre>
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.core.driver;
