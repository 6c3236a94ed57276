/**
 * The controller that runs many Canaries: informers, per-canary schedules, a bounded worker pool, leader election.
 *
 * <pre>{@code
 * ControllerConfig config = ControllerConfig.builder().router(router).metrics(metrics).webhooks(webhooks).build();
 * CanaryController controller = CanaryController.create(client, config).start();
 * }</pre>
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.k8s.controller;
