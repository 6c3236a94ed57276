/**
 * Webhooks over {@code java.net.http} with Flagger's wire format (docs/flagger-compatibility.md §1.15), and event sinks
 * that post events to the canary's {@code event} hooks and keep slow receivers off the tick.
 *
 * <pre>{@code
 * HttpWebhookClient webhooks = HttpWebhookClient.builder().build();
 * AsyncEventSink events = AsyncEventSink.builder(
 *     EventWebhookSink.builder(kubernetesEvents, webhooks).build()).build();
 * CanaryDriver driver = CanaryDriver.builder().webhooks(webhooks).events(events) ... .build();
 * ...
 * events.close(); // drains what is queued, waiting up to ten seconds
 * }</pre>
 *
 * <p>Nothing here logs: failures come back as {@link dev.canarykit.core.analysis.Outcome.Failed} values or are
 * counted and handed to a caller-supplied handler. Messages name the hook and the URL without its user info or
 * query, and never contain metadata values.
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.core.webhook;
