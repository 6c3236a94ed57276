/**
 * The {@code canarykit} command line (picocli): {@code canarykit validate FILE...}. Add a subcommand by listing its
 * class in {@link dev.canarykit.examples.cli.CanarykitCommand}'s {@code subcommands}.
 *
 * <pre>{@code
 * java -jar examples/target/canarykit.jar validate podinfo-canary.yaml
 * }</pre>
 */
package dev.canarykit.examples.cli;
