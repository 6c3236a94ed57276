/**
 * The controller that runs many Canaries: informers, per-canary schedules, a bounded worker pool, leader election.
 *
 * <pre>{@code
 * ControllerConfig config = ControllerConfig.builder().router(router).metrics(metrics).webhooks(webhooks).build();
 * CanaryController controller = CanaryController.create(client, config).start();
 * }</pre>
 */
package dev.canarykit.k8s.controller;
