package dev.canarykit.prometheus;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Renders Flagger's Go-template queries without Go: {@code {{ name }}}, {@code {{ namespace }}},
 * {@code {{ target }}}, {@code {{ service }}}, {@code {{ ingress }}}, {@code {{ route }}}, {@code {{ interval }}}
 * and {@code {{ variables.<key> }}}, with any inner spacing, Go's trim markers ({@code {{- x -}}}) and Go
 * template comments. Anything else inside {@code {{ }}} is a render error, and so is a missing
 * variable key (Go's {@code missingkey=error}). Every value is checked by {@link SafeValues} before it is
 * substituted.
 */
final class TemplateRenderer {
  private static final Pattern VARIABLE = Pattern.compile("variables\\.([A-Za-z_][A-Za-z0-9_]*)");
  private static final int MAX_ACTION_ECHO = 60;

  private TemplateRenderer() {}

  /** The rendered text or why it failed. */
  sealed interface Result {}

  /** Rendered text, not yet whitespace-collapsed. */
  record Ok(String text) implements Result {}

  /** A render failure. */
  record Err(RenderError error) implements Result {}

  static Result render(String template, TemplateModel model) {
    StringBuilder out = new StringBuilder();
    LiteralTracker literal = new LiteralTracker();
    int pos = 0;
    boolean trimNext = false;
    while (true) {
      int open = template.indexOf("{{", pos);
      String text = template.substring(pos, open < 0 ? template.length() : open);
      text = trimNext ? text.stripLeading() : text;
      if (open < 0) {
        append(out, literal, text);
        return new Ok(out.toString());
      }
      int close = template.indexOf("}}", open + 2);
      if (close < 0) {
        return syntax("unclosed action at offset " + open);
      }
      String action = template.substring(open + 2, close);
      boolean trimLeft = action.startsWith("- ") || action.equals("-");
      trimNext = action.endsWith(" -") && action.length() > 1;
      String body = action.substring(trimLeft ? 1 : 0, action.length() - (trimNext ? 1 : 0)).strip();
      append(out, literal, trimLeft ? text.stripTrailing() : text);
      Result value = evaluate(body, model, literal.inStringLiteral());
      if (value instanceof Err) {
        return value;
      }
      append(out, literal, ((Ok) value).text());
      pos = close + 2;
    }
  }

  private static void append(StringBuilder out, LiteralTracker literal, String text) {
    out.append(text);
    literal.feed(text);
  }

  private static Result evaluate(String body, TemplateModel m, boolean inLiteral) {
    if (body.startsWith("/*") && body.endsWith("*/") && body.length() >= 4) {
      return new Ok("");
    }
    switch (body) {
      case "name": return checked(SafeValues.kubernetesName("name", m.name()), m.name());
      case "namespace": return checked(SafeValues.namespace("namespace", m.namespace()), m.namespace());
      case "target": return checked(SafeValues.kubernetesName("target", m.target()), m.target());
      case "service": return checked(SafeValues.kubernetesName("service", m.service()), m.service());
      case "ingress": return checked(SafeValues.kubernetesName("ingress", m.ingress()), m.ingress());
      case "route": return checked(SafeValues.kubernetesName("route", m.route()), m.route());
      case "interval": return checked(SafeValues.duration("interval", m.interval()), m.interval());
      default: return variable(body, m, inLiteral);
    }
  }

  private static Result variable(String body, TemplateModel m, boolean inLiteral) {
    var matcher = VARIABLE.matcher(body);
    if (!matcher.matches()) {
      return unknown(body.isEmpty() ? "empty action {{ }}" : "unsupported action {{ " + echo(body) + " }}: use name, "
          + "namespace, target, service, ingress, route, interval or variables.<key>");
    }
    String key = matcher.group(1);
    String value = m.variables().get(key);
    if (value == null) {
      return unknown("map has no entry for key \"" + key + "\" (variables." + key + " is not in templateVariables)");
    }
    return checked(SafeValues.variable("variables." + key, value, inLiteral), value);
  }

  private static Result checked(Optional<String> refusal, String value) {
    return refusal.<Result>map(r -> new Err(new RenderError(RenderError.Kind.UNSAFE_VALUE, r)))
        .orElseGet(() -> new Ok(value));
  }

  private static String echo(String body) {
    String s = SafeValues.quote(body);
    s = s.substring(1, s.length() - 1);
    return s.length() > MAX_ACTION_ECHO ? s.substring(0, MAX_ACTION_ECHO) + "..." : s;
  }

  private static Result syntax(String message) {
    return new Err(new RenderError(RenderError.Kind.SYNTAX, message));
  }

  private static Result unknown(String message) {
    return new Err(new RenderError(RenderError.Kind.UNKNOWN_VALUE, message));
  }
}
