/**
 * The {@code canarykit} command line (picocli): {@code canarykit validate FILE...}. Add a subcommand by listing its
 * class in {@link dev.canarykit.examples.cli.CanarykitCommand}'s {@code subcommands}.
 *
 * <pre>{@code
 * java -jar examples/target/canarykit.jar validate podinfo-canary.yaml
 * }</pre>
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.examples.cli;
