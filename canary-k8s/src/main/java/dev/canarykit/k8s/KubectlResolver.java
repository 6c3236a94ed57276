package dev.canarykit.k8s;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The types of plain scalars as kubectl's YAML library (YAML 1.1) gives them: booleans include {@code y}, {@code n},
 * {@code on} and {@code off}; integers may have a {@code 0b}, {@code 0o}, {@code 0x} or {@code 0} (octal) prefix and
 * underscores; floats include {@code .inf} and {@code .nan}; {@code ~}, {@code null} and the empty scalar are null;
 * there are no timestamps (they stay strings) and no sexagesimal numbers.
 */
final class KubectlResolver extends Resolver {
  static final Pattern BOOLEAN = Pattern.compile(
      "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
  static final Pattern INTEGER = Pattern.compile("[-+]?(?:0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|0[0-7_]*|[1-9][0-9_]*)");
  static final Pattern FLOATING = Pattern.compile("[-+]?(?:[0-9][0-9_]*(?:\\.[0-9_]*)?|\\.[0-9][0-9_]*)"
      + "(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
  static final Pattern NULL_VALUE = Pattern.compile("~|null|Null|NULL");

  /** Called by the superclass constructor: only static state may be used here. */
  @Override
  protected void addImplicitResolvers() {
    addImplicitResolver(Tag.BOOL, BOOLEAN, "yYnNtTfFoO");
    addImplicitResolver(Tag.INT, INTEGER, "-+0123456789");
    addImplicitResolver(Tag.FLOAT, FLOATING, "-+0123456789.");
    addImplicitResolver(Tag.MERGE, MERGE, "<");
    addImplicitResolver(Tag.NULL, NULL_VALUE, "~nN");
    addImplicitResolver(Tag.NULL, EMPTY, null);
  }
}
