package dev.canarykit.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Test helper: a report page parsed as XML (it is well-formed XHTML), queried with XPath ignoring namespaces. */
public final class ReportPage {
  private final String html;
  private final Document doc;
  private final XPath xpath = XPathFactory.newInstance().newXPath();

  private ReportPage(String html, Document doc) {
    this.html = html;
    this.doc = doc;
  }

  /** Parses {@code html}; fails the test when it is not well-formed. */
  public static ReportPage parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return new ReportPage(html, f.newDocumentBuilder().parse(new ByteArrayInputStream(
        html.getBytes(StandardCharsets.UTF_8))));
  }

  /** Nodes matching {@code path}, in which {@code el(x)} stands for an element named x in any namespace. */
  public List<Node> all(String path) throws Exception {
    NodeList list = (NodeList) xpath.evaluate(path.replaceAll("el\\(([a-z0-9]+)\\)", "*[local-name()='$1']"), doc,
        XPathConstants.NODESET);
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      out.add(list.item(i));
    }
    return out;
  }

  public int count(String path) throws Exception {
    return all(path).size();
  }

  public List<String> texts(String path) throws Exception {
    return all(path).stream().map(Node::getTextContent).toList();
  }

  /** Checks that the page fetches nothing: no script, no src or href, no CSS url() or @import. */
  public void assertSelfContained() throws Exception {
    assertThat(count("//el(script)")).isZero();
    assertThat(count("//@src | //@href | //@*[local-name()='href']")).isZero();
    assertThat(html).doesNotContain("url(").doesNotContain("@import");
    assertThat(count("//el(style)")).isEqualTo(1);
  }
}
