package dev.canarykit.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns one composed YAML document into a JSON tree (see {@link ManifestYaml}). A node reached a second time was
 * reached through an alias: it is expanded again, and every node produced inside an expansion counts towards the
 * alias bound.
 */
final class YamlTrees {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 1000;
  private static final Set<String> TRUE = Set.of("y", "yes", "true", "on");
  private static final long LOW = 400_000;
  private static final long HIGH = 4_000_000;

  private final Map<Node, Boolean> seen = new IdentityHashMap<>();
  private final Map<Node, Boolean> open = new IdentityHashMap<>();
  private long nodes;
  private long expanded;
  private int aliasDepth;
  private int depth;

  JsonNode tree(Node node) throws ManifestYaml.InvalidYaml {
    boolean alias = seen.put(node, Boolean.TRUE) != null;
    if (open.containsKey(node)) {
      throw invalid(node, "an alias refers to the node that contains it");
    }
    if (++depth > MAX_DEPTH) {
      throw invalid(node, "the document nests deeper than " + MAX_DEPTH + " levels");
    }
    if (alias) {
      count(node); // the alias itself, then its expansion
      aliasDepth++;
    }
    count(node);
    open.put(node, Boolean.TRUE);
    try {
      if (node instanceof MappingNode m) {
        return mapping(m);
      }
      if (node instanceof SequenceNode s) {
        ArrayNode out = JSON.arrayNode();
        for (Node item : s.getValue()) {
          out.add(tree(item));
        }
        return out;
      }
      return scalar((ScalarNode) node);
    } finally {
      open.remove(node);
      aliasDepth -= alias ? 1 : 0;
      depth--;
    }
  }

  /** Applies the alias bound: the share of nodes produced by alias expansion falls from 99% to 10% with size. */
  private void count(Node node) throws ManifestYaml.InvalidYaml {
    nodes++;
    expanded += aliasDepth > 0 ? 1 : 0;
    if (expanded > 100 && nodes > 1000 && (double) expanded / nodes > allowedShare(nodes)) {
      throw invalid(node, "the document contains excessive aliasing (" + expanded + " of " + nodes
          + " nodes come from aliases)");
    }
  }

  private static double allowedShare(long nodes) {
    if (nodes <= LOW) {
      return 0.99;
    }
    return nodes >= HIGH ? 0.10 : 0.99 - 0.89 * (nodes - LOW) / (double) (HIGH - LOW);
  }

  /** Keys in order; a merge ({@code <<}) overrides the keys before it, later keys override a merge. */
  private ObjectNode mapping(MappingNode m) throws ManifestYaml.InvalidYaml {
    ObjectNode out = JSON.objectNode();
    Map<String, Node> explicit = new HashMap<>();
    for (NodeTuple t : m.getValue()) {
      Node key = t.getKeyNode();
      if (key instanceof ScalarNode s && s.getTag().equals(Tag.MERGE)) {
        merge(out, t.getValueNode());
        continue;
      }
      String name = key(key);
      Node first = explicit.putIfAbsent(name, key);
      if (first != null) {
        throw invalid(key, "mapping key \"" + name + "\" already defined at line " + (first.getStartMark().getLine()
            + 1));
      }
      out.set(name, tree(t.getValueNode()));
    }
    return out;
  }

  /** A merge's value is a mapping or a list of mappings, the first of which wins. */
  private void merge(ObjectNode out, Node value) throws ManifestYaml.InvalidYaml {
    if (value instanceof SequenceNode s) {
      for (int i = s.getValue().size() - 1; i >= 0; i--) {
        merge(out, s.getValue().get(i));
      }
      return;
    }
    JsonNode merged = tree(value);
    if (!merged.isObject()) {
      throw invalid(value, "a merge key (<<) needs a mapping or a list of mappings");
    }
    out.setAll((ObjectNode) merged);
  }

  /** JSON keys are strings: a scalar key's JSON value as text (a null key is "null"). */
  private String key(Node key) throws ManifestYaml.InvalidYaml {
    if (!(key instanceof ScalarNode)) {
      throw invalid(key, "a mapping key must be a scalar, not a " + (key instanceof MappingNode ? "mapping" : "list"));
    }
    JsonNode k = tree(key);
    return k.isNull() ? "null" : k.asText();
  }

  private JsonNode scalar(ScalarNode s) throws ManifestYaml.InvalidYaml {
    String v = s.getValue();
    Tag tag = s.getTag();
    if (tag.equals(Tag.NULL)) {
      return JSON.nullNode();
    }
    if (tag.equals(Tag.BOOL)) {
      return JSON.booleanNode(TRUE.contains(v.toLowerCase(Locale.ROOT)));
    }
    if (tag.equals(Tag.INT)) {
      return integer(s, v.replace("_", ""));
    }
    if (tag.equals(Tag.FLOAT)) {
      return floating(s, v.replace("_", ""));
    }
    return JSON.textNode(v);
  }

  private JsonNode integer(ScalarNode s, String v) throws ManifestYaml.InvalidYaml {
    String digits = v.startsWith("-") || v.startsWith("+") ? v.substring(1) : v;
    int radix = 10;
    if (digits.startsWith("0b") || digits.startsWith("0o") || digits.startsWith("0x")) {
      radix = digits.charAt(1) == 'b' ? 2 : digits.charAt(1) == 'o' ? 8 : 16;
      digits = digits.substring(2);
    } else if (digits.length() > 1 && digits.startsWith("0")) {
      radix = 8;
    }
    try {
      BigInteger n = new BigInteger(digits, radix);
      return number(v.startsWith("-") ? n.negate() : n);
    } catch (NumberFormatException e) {
      throw invalid(s, "\"" + s.getValue() + "\" is not an integer");
    }
  }

  /** Whole values become integers, as Go's JSON encoder writes them; others stay floating point. */
  private JsonNode floating(ScalarNode s, String v) throws ManifestYaml.InvalidYaml {
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".inf") || lower.equals(".nan")) {
      throw invalid(s, s.getValue() + " cannot be represented in JSON");
    }
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw invalid(s, "\"" + s.getValue() + "\" is not a number");
    }
    if (!Double.isFinite(d)) {
      throw invalid(s, s.getValue() + " is too large for JSON");
    }
    return d == Math.rint(d) && Math.abs(d) < 1e21 ? number(new BigDecimal(d).toBigIntegerExact())
        : JSON.numberNode(d);
  }

  private static JsonNode number(BigInteger n) {
    if (n.bitLength() < 32) {
      return JSON.numberNode(n.intValue());
    }
    return n.bitLength() < 64 ? JSON.numberNode(n.longValue()) : JSON.numberNode(n);
  }

  private static ManifestYaml.InvalidYaml invalid(Node at, String reason) {
    return new ManifestYaml.InvalidYaml(at.getStartMark().getLine() + 1, reason);
  }
}
