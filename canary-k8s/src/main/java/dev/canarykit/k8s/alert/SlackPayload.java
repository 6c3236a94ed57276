package dev.canarykit.k8s.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Slack's attachment message, which Discord (through its {@code /slack} endpoint) and Rocket.Chat also take:
 * {@code channel, username, icon_url, icon_emoji, attachments[{color, author_name, text, mrkdwn_in, fields}]}.
 * Slack and Discord colour errors {@code danger} and the rest {@code good}; Rocket.Chat uses hex colours.
 */
final class SlackPayload {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SlackPayload() {}

  static ObjectNode slack(AlertTarget target, AlertMessage m) {
    return of(target, m, m.isError() ? "danger" : "good");
  }

  static ObjectNode rocket(AlertTarget target, AlertMessage m) {
    return of(target, m, m.isError() ? "#FF0000" : "#0076D7");
  }

  private static ObjectNode of(AlertTarget target, AlertMessage m, String color) {
    ObjectNode root = JSON.objectNode();
    root.put("channel", target.channel());
    root.put("username", target.username());
    root.put("icon_url", "");
    root.put("icon_emoji", ":rocket:");
    ObjectNode attachment = root.putArray("attachments").addObject();
    attachment.put("color", color);
    attachment.put("author_name", m.qualifiedName());
    attachment.put("text", m.text());
    attachment.putArray("mrkdwn_in").add("text");
    ArrayNode fields = attachment.putArray("fields");
    m.fields().forEach((name, value) -> fields.addObject().put("title", name).put("value", value).put("short", false));
    return root;
  }
}
