package dev.canarykit.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads Kubernetes manifests (YAML text, any number of documents) into JSON trees the way kubectl does, so that a
 * document means here what it means to the API server:
 * <ul>
 *   <li>anchors and aliases are resolved, and merge keys ({@code <<: *base}) are merged, a merged mapping
 *       overriding the keys before it and the keys after it overriding the merge, as kubectl's YAML library
 *       does;</li>
 *   <li>plain scalars are typed by YAML 1.1's rules as kubectl reads them: {@code yes}, {@code on}, {@code y} are
 *       true; {@code 0x1F}, {@code 017}, {@code 1_000} are integers; timestamps stay strings; a number with an
 *       integral value ({@code 8080.0}, {@code 1e3}) becomes an integer, as it does in the JSON kubectl sends;</li>
 *   <li>a key defined twice in one mapping is an error, and so are infinities and NaN (JSON cannot hold them);</li>
 *   <li>a document whose aliases expand excessively (an "alias bomb") is an error: at most 99% of a document's nodes
 *       may come from alias expansion up to 400,000 nodes, and the share falls linearly to 10% at 4,000,000 nodes
 *       (the bound of kubectl's YAML library), and an alias inside its own anchor is an error.</li>
 * </ul>
 * Nothing is thrown but {@link InvalidYaml}.
 *
 * <pre>{@code
 * for (ManifestYaml.Document d : ManifestYaml.parse(text)) {
 *   DocumentCheck c = FlaggerDocuments.check(d.tree());
 * }
 * }</pre>
 */
public final class ManifestYaml {
  /** Largest document, in characters. */
  static final int MAX_CODE_POINTS = 64 << 20;

  private ManifestYaml() {}

  /**
   * One document.
   *
   * @param line the 1-based line its content starts on
   * @param tree its content, never {@code null}: empty documents are left out
   */
  public record Document(int line, JsonNode tree) {}

  /** The text is not YAML, or not YAML kubectl would accept. */
  public static final class InvalidYaml extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    InvalidYaml(int line, String reason) {
      super(reason);
      this.line = line;
    }

    /** The 1-based line of the problem. */
    public int line() {
      return line;
    }
  }

  /**
   * Every non-empty document of {@code text}, in order.
   *
   * @throws InvalidYaml naming the line and the problem
   */
  public static List<Document> parse(String text) throws InvalidYaml {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(Integer.MAX_VALUE);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setNestingDepthLimit(100);
    List<Document> out = new ArrayList<>();
    try {
      Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), new KubectlResolver(),
          options);
      while (composer.checkNode()) {
        Node node = composer.getNode();
        if (!isNull(node)) {
          out.add(new Document(node.getStartMark().getLine() + 1, new YamlTrees().tree(node)));
        }
      }
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
      throw new InvalidYaml(line, e.getProblem() != null ? e.getProblem() : e.getContext());
    } catch (YAMLException | IllegalArgumentException | IllegalStateException e) {
      throw new InvalidYaml(1, e.getMessage() != null ? firstLine(e.getMessage()) : e.getClass().getSimpleName());
    }
    return out;
  }

  private static boolean isNull(Node node) {
    return node == null || node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
