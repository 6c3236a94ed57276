package dev.canarykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Builds an outside user's project ({@code examples/src/it/bom-user}) against the artifacts this build made: it
 * imports {@code canarykit-bom}, names canarykit's artifacts without versions (the README's dependencies), uses only
 * public API, runs a port contract from the core's test-jar, the README's policy test, and the README's controller
 * configuration started and stopped three times on fabric8's mock API server (no thread left) and against an API
 * server that does not answer. The artifacts are installed into a temporary local repository; every
 * other artifact is read from the build's own local repository through a {@code file:} mirror, so nothing is
 * downloaded and nothing is written to the user's repository.
 */
class BomUserIT {
  private static final Path ROOT = Path.of(System.getProperty("canarykit.root", "..")).toAbsolutePath().normalize();
  private static final String VERSION = System.getProperty("canarykit.version", "0.1.0-SNAPSHOT");
  private static final List<String> TOOLS = List.of("org.junit", "org.mockito", "org.assertj", "net.jqwik",
      "org.awaitility", "org.slf4j", "info.picocli", "org.openjdk.jmh");

  @TempDir
  Path tmp;

  @Test
  void theBomManagesCanarykitsArtifactsOnly() {
    Document bom = xml(ROOT.resolve("canarykit-bom/pom.xml"));
    assertThat(bom.getElementsByTagName("parent").getLength()).as("the BOM has no parent").isZero();
    List<String> managed = new ArrayList<>();
    NodeList deps = bom.getElementsByTagName("dependency");
    for (int i = 0; i < deps.getLength(); i++) {
      Element d = (Element) deps.item(i);
      managed.add(text(d, "groupId") + ":" + text(d, "artifactId") + ":" + text(d, "type"));
    }
    assertThat(managed).allMatch(m -> m.startsWith("dev.canarykit:"))
        .noneMatch(m -> TOOLS.stream().anyMatch(m::startsWith))
        .contains("dev.canarykit:canary-core:", "dev.canarykit:canary-core:test-jar", "dev.canarykit:canary-k8s:",
            "dev.canarykit:canary-istio:", "dev.canarykit:canary-prometheus:",
            "dev.canarykit:canary-prometheus:test-jar");
    assertThat(text(bom.getDocumentElement(), "version")).as("the BOM's version is the build's").isEqualTo(VERSION);
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES) // two Maven runs that copy fabric8 and friends into a new repository
  void anOutsideProjectBuildsAndTestsAgainstTheBom() throws Exception {
    Path repo = tmp.resolve("repository");
    Path settings = tmp.resolve("settings.xml");
    Files.writeString(settings, "<settings><mirrors><mirror><id>build-repository</id><mirrorOf>*</mirrorOf><url>"
        + Path.of(System.getProperty("canarykit.localRepository")).toUri() + "</url></mirror></mirrors></settings>");
    Path installer = Files.createDirectories(tmp.resolve("installer"));
    Files.writeString(installer.resolve("pom.xml"), installerPom());
    maven(installer, settings, repo, "validate");
    Path project = copyProject(tmp.resolve("bom-user"));
    List<String> log = maven(project, settings, repo, "test");
    assertThat(log).anyMatch(l -> l.contains("Tests run: 6, Failures: 0, Errors: 0"));
    assertThat(Files.exists(repo.resolve("org/junit/jupiter/junit-jupiter-api")))
        .as("the user's JUnit came through").isTrue();
  }

  /** A POM whose build installs this build's artifacts (and the POMs they need) into the local repository. */
  private static String installerPom() {
    StringBuilder executions = new StringBuilder();
    Map<String, String[]> files = new LinkedHashMap<>();
    files.put("parent", new String[] {"pom.xml", "pom.xml", null});
    files.put("bom", new String[] {"canarykit-bom/pom.xml", "canarykit-bom/pom.xml", null});
    for (String module : List.of("canary-core", "canary-k8s", "canary-istio", "canary-prometheus")) {
      String jar = module + "/target/" + module + "-" + VERSION;
      files.put(module, new String[] {jar + ".jar", module + "/pom.xml", null});
    }
    for (String module : List.of("canary-core", "canary-prometheus")) {
      String jar = module + "/target/" + module + "-" + VERSION + "-tests.jar";
      files.put(module + "-tests", new String[] {jar, module + "/pom.xml", "tests"});
    }
    files.forEach((id, f) -> {
      Path file = ROOT.resolve(f[0]);
      assertThat(file).as("built by this build (run the whole reactor: mvn verify)").exists();
      executions.append("<execution><id>").append(id).append("</id><phase>validate</phase><goals><goal>install-file")
          .append("</goal></goals><configuration><file>").append(file).append("</file><pomFile>")
          .append(ROOT.resolve(f[1])).append("</pomFile>")
          .append(f[2] == null ? "" : "<classifier>" + f[2] + "</classifier>")
          .append("</configuration></execution>");
    });
    return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
        + "<groupId>local</groupId><artifactId>installer</artifactId><version>1</version><packaging>pom</packaging>"
        + "<build><plugins><plugin><groupId>org.apache.maven.plugins</groupId>"
        + "<artifactId>maven-install-plugin</artifactId><version>" + pluginVersion("maven-install-plugin")
        + "</version><executions>" + executions + "</executions></plugin></plugins></build></project>";
  }

  /** Copies {@code src/it/bom-user} to {@code to}, filling in versions from the root POM. */
  private static Path copyProject(Path to) throws IOException {
    Path from = ROOT.resolve("examples/src/it/bom-user");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("@canarykit.version@", VERSION);
    values.put("@junit.version@", property("junit.version"));
    for (String tool : List.of("assertj", "awaitility", "fabric8", "micrometer")) {
      values.put("@" + tool + ".version@", property(tool + ".version"));
    }
    for (String plugin : List.of("maven-resources-plugin", "maven-compiler-plugin", "maven-surefire-plugin")) {
      values.put("@" + plugin + ".version@", pluginVersion(plugin));
    }
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f);
        for (Map.Entry<String, String> v : values.entrySet()) {
          text = text.replace(v.getKey(), v.getValue());
        }
        Path target = to.resolve(from.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.writeString(target, text);
      }
    }
    return to;
  }

  private static List<String> maven(Path dir, Path settings, Path repo, String goal) throws Exception {
    Path mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn");
    Path log = dir.resolve("maven.log");
    Process p = new ProcessBuilder(mvn.toString(), "-B", "-s", settings.toString(),
        "-Dmaven.repo.local=" + repo, goal).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    boolean done = p.waitFor(15, TimeUnit.MINUTES);
    if (!done) {
      p.destroyForcibly();
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(done && p.exitValue() == 0).as("mvn %s in %s; its output:%n%s", goal, dir, String.join("\n", lines))
        .isTrue();
    return lines;
  }

  private static String property(String name) {
    Element props = (Element) xml(ROOT.resolve("pom.xml")).getElementsByTagName("properties").item(0);
    return text(props, name);
  }

  private static String pluginVersion(String artifactId) {
    NodeList plugins = xml(ROOT.resolve("pom.xml")).getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element p = (Element) plugins.item(i);
      if (artifactId.equals(text(p, "artifactId")) && !text(p, "version").isEmpty()) {
        return text(p, "version");
      }
    }
    throw new IllegalStateException("the root POM pins no version of " + artifactId);
  }

  /** The text of {@code parent}'s direct child {@code name}, or "" when it has none. */
  private static String text(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    return "";
  }

  private static Document xml(Path file) {
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
