package dev.canarykit.core.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes compact JSON text (no whitespace) value by value, with one of two string escapings:
 *
 * <ul>
 *   <li>{@link #goCompatible()} escapes as Go's {@code encoding/json} does: {@code \n}, {@code \r}, {@code \t} as
 *       short escapes, other control characters, {@code <}, {@code >}, {@code &}, U+2028 and U+2029 as
 *       {@code \}{@code u00XX}. Text Flagger writes (webhook bodies, config checksums) comes out byte for byte.
 *   <li>{@link #minimal()} escapes only what JSON requires: the quote, the backslash and every control character
 *       as {@code \}{@code u00XX}. canarykit's revision hashes are taken over this form, so it must never change.
 * </ul>
 *
 * <p>Objects of a {@link #tree} have their keys sorted; members written with {@link #name} keep the caller's order.
 * The writer checks nothing about nesting: callers write well-formed sequences.
 *
 * <pre>{@code
 * String body = JsonWriter.goCompatible().beginObject().name("name").value("podinfo")
 *     .name("metadata").tree(Map.of("cmd", "a && b")).endObject().text();
 * }</pre>
 */
public final class JsonWriter {
  private final StringBuilder out = new StringBuilder();
  private final boolean go;
  private boolean afterValue;

  private JsonWriter(boolean go) {
    this.go = go;
  }

  /** A writer that escapes strings as Go's {@code encoding/json} does. */
  public static JsonWriter goCompatible() {
    return new JsonWriter(true);
  }

  /** A writer that escapes only what JSON requires. */
  public static JsonWriter minimal() {
    return new JsonWriter(false);
  }

  /** Starts an object. */
  public JsonWriter beginObject() {
    return open('{');
  }

  /** Ends an object. */
  public JsonWriter endObject() {
    return close('}');
  }

  /** Starts an array. */
  public JsonWriter beginArray() {
    return open('[');
  }

  /** Ends an array. */
  public JsonWriter endArray() {
    return close(']');
  }

  /** Writes a member's name; its value comes next. */
  public JsonWriter name(String name) {
    separate();
    quote(name);
    out.append(':');
    afterValue = false;
    return this;
  }

  /** Writes a string, or {@code null}. */
  public JsonWriter value(String v) {
    separate();
    if (v == null) {
      out.append("null");
    } else {
      quote(v);
    }
    afterValue = true;
    return this;
  }

  /** Writes a whole number. */
  public JsonWriter value(long v) {
    return literal(Long.toString(v));
  }

  /** Writes a decimal in plain notation (never with an exponent), or {@code null}. */
  public JsonWriter value(BigDecimal v) {
    return literal(v == null ? "null" : v.toPlainString());
  }

  /**
   * Writes a JSON-like tree: {@code null}, strings, numbers (as {@link Object#toString()} writes them), booleans,
   * maps (keys sorted) and lists, nested freely.
   *
   * @throws IllegalArgumentException if the tree holds anything else
   */
  public JsonWriter tree(Object v) {
    if (v == null || v instanceof String) {
      return value((String) v);
    } else if (v instanceof Number || v instanceof Boolean) {
      return literal(v.toString());
    } else if (v instanceof Map<?, ?> map) {
      beginObject();
      new TreeMap<>(map).forEach((k, x) -> name(String.valueOf(k)).tree(x));
      return endObject();
    } else if (v instanceof List<?> list) {
      beginArray();
      list.forEach(this::tree);
      return endArray();
    }
    throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
  }

  /** The text written so far. */
  public String text() {
    return out.toString();
  }

  @Override
  public String toString() {
    return text();
  }

  private JsonWriter open(char c) {
    separate();
    out.append(c);
    afterValue = false;
    return this;
  }

  private JsonWriter close(char c) {
    out.append(c);
    afterValue = true;
    return this;
  }

  private JsonWriter literal(String text) {
    separate();
    out.append(text);
    afterValue = true;
    return this;
  }

  private void separate() {
    if (afterValue) {
      out.append(',');
    }
  }

  private void quote(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      escape(s.charAt(i));
    }
    out.append('"');
  }

  private void escape(char c) {
    if (c == '"' || c == '\\') {
      out.append('\\').append(c);
    } else if (go && (c == '\n' || c == '\r' || c == '\t')) {
      out.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t");
    } else if (c < 0x20 || go && (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029')) {
      out.append(String.format("\\u%04x", (int) c));
    } else {
      out.append(c);
    }
  }
}
