package dev.canarykit.k8s.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Google Chat card: a header ({@code Flagger}, the canary, Flagger's icon) and one text-paragraph section for
 * the message, then one per field. Google Chat has no colour per severity.
 */
final class GoogleChatPayload {
  static final String ICON = "https://flagger.app/favicon.png";
  private static final String GREY = "<font color=#848484><strong>";
  private static final String END = "</strong></font>";

  private GoogleChatPayload() {}

  static ObjectNode of(AlertMessage m) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode card = root.putArray("cards").addObject();
    card.putObject("header").put("title", "Flagger").put("subtitle", m.qualifiedName()).put("imageUrl", ICON);
    ArrayNode sections = card.putArray("sections");
    paragraph(sections, GREY + m.text() + END);
    m.fields().forEach((name, value) -> paragraph(sections, name + "<br>" + GREY + value + END));
    return root;
  }

  private static void paragraph(ArrayNode sections, String text) {
    sections.addObject().putArray("widgets").addObject().putObject("textParagraph").put("text", text);
  }
}
