package dev.canarykit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * No value can change a query's structure: a value is either refused ({@link RenderError.Kind#UNSAFE_VALUE}) or
 * the rendered query has exactly the template's PromQL tokens outside string literals (the value only fills a
 * literal, or stands as one bare token where the template has one).
 */
class InjectionProperties {
  private static final String IN_LITERAL = "sum(rate(x{code=\"{{ variables.v }}\",ns=\"{{ namespace }}\"}[1m])) > 0";
  private static final java.util.Set<String> KEYWORDS = java.util.Set.of("and", "or", "unless", "by", "without",
      "on", "ignoring", "group_left", "group_right", "offset", "bool", "atan2");
  private static final String BARE = "sum(rate(x[1m])) > {{ variables.v }}";

  @Provide
  Arbitrary<String> crafted() {
    Arbitrary<String> chars = Arbitraries.strings().withChars("\"'`\\{}()[]#\n\r\t =~!,|.:5xor0123456789")
        .ofMaxLength(30);
    Arbitrary<String> attacks = Arbitraries.of("\"} or vector(1) #", "5..\"}) or on() vector(100", "x\\\"", "1m]",
        "0 or vector(1)", "1e3", "le", "`", "\u2028", "a\"b");
    return Arbitraries.oneOf(chars, attacks, Arbitraries.strings().ofMaxLength(20));
  }

  @Property(tries = 3000)
  void variablesInsideLiteralsCannotEscapeThem(@ForAll("crafted") String value) {
    check(IN_LITERAL, value, "x");
  }

  @Property(tries = 3000)
  void bareVariablesAreOneToken(@ForAll("crafted") String value) {
    check(BARE, value, "0");
  }

  @Property(tries = 1000)
  void namespacesCannotEscape(@ForAll("crafted") String ns) {
    TemplateModel m = new TemplateModel("a", ns, "t", "s", "i", "r", "1m", Map.of("v", "x"));
    TemplateRenderer.Result r = TemplateRenderer.render(IN_LITERAL, m);
    if (r instanceof TemplateRenderer.Ok ok) {
      assertThat(skeleton(ok.text())).isEqualTo(skeleton(IN_LITERAL.replace("{{ variables.v }}", "x")
          .replace("{{ namespace }}", "x")));
    } else {
      assertThat(((TemplateRenderer.Err) r).error().kind()).isEqualTo(RenderError.Kind.UNSAFE_VALUE);
    }
  }

  private static void check(String template, String value, String harmless) {
    TemplateModel m = new TemplateModel("a", "test", "t", "s", "i", "r", "1m", Map.of("v", value));
    TemplateRenderer.Result r = TemplateRenderer.render(template, m);
    if (r instanceof TemplateRenderer.Err e) {
      assertThat(e.error().kind()).isEqualTo(RenderError.Kind.UNSAFE_VALUE);
      return;
    }
    String rendered = ((TemplateRenderer.Ok) r).text();
    String reference = template.replace("{{ variables.v }}", harmless).replace("{{ namespace }}", "test");
    assertThat(skeleton(rendered)).isEqualTo(skeleton(reference));
  }

  /**
   * The text outside string literals with every literal replaced by {@code S} and every bare token but PromQL's
   * binary-operator and modifier keywords by {@code T}:
   * what PromQL's lexer sees as structure.
   */
  static String skeleton(String q) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < q.length()) {
      char c = q.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        int j = i + 1;
        while (j < q.length() && q.charAt(j) != c) {
          j += q.charAt(j) == '\\' && c != '`' ? 2 : 1;
        }
        out.append('S');
        i = j + 1;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '.') {
        int j = i;
        while (j < q.length() && (Character.isLetterOrDigit(q.charAt(j)) || "_:.".indexOf(q.charAt(j)) >= 0)) {
          j++;
        }
        String word = q.substring(i, j);
        out.append(KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT)) ? word : "T");
        i = j;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
