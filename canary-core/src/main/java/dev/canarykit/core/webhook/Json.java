package dev.canarykit.core.webhook;

import java.util.Map;
import java.util.TreeMap;

/**
 * A minimal JSON writer for flat objects of strings and string maps. Strings are escaped as Go's
 * {@code json.Marshal} escapes them ({@code <}, {@code >} and {@code &} as six-character unicode escapes), so
 * bodies match Flagger's byte for byte.
 */
final class Json {
  private final StringBuilder out = new StringBuilder("{");

  /** Adds a string member. */
  Json string(String name, String value) {
    member(name);
    quote(value);
    return this;
  }

  /** Adds an object member of string values, keys sorted as Go's encoder sorts map keys. */
  Json object(String name, Map<String, String> values) {
    member(name);
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
      out.append(first ? "" : ",");
      first = false;
      quote(e.getKey());
      out.append(':');
      quote(e.getValue());
    }
    out.append('}');
    return this;
  }

  /** The finished object. */
  String end() {
    return out.append('}').toString();
  }

  private void member(String name) {
    if (out.length() > 1) {
      out.append(',');
    }
    quote(name);
    out.append(':');
  }

  private void quote(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      escape(s.charAt(i));
    }
    out.append('"');
  }

  private void escape(char c) {
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      default:
        if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
    }
  }
}
