package dev.canarykit.k8s.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Microsoft Teams connector MessageCard: {@code @type, @context, themeColor (0076D7, FF0000 for errors),
 * summary, sections[{activityTitle, activitySubtitle, facts[{name, value}]}]}.
 */
final class TeamsPayload {
  private TeamsPayload() {}

  static ObjectNode of(AlertMessage m) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("@type", "MessageCard");
    root.put("@context", "http://schema.org/extensions");
    root.put("themeColor", m.isError() ? "FF0000" : "0076D7");
    root.put("summary", m.qualifiedName());
    ObjectNode section = root.putArray("sections").addObject();
    section.put("activityTitle", m.text());
    section.put("activitySubtitle", m.qualifiedName());
    ArrayNode facts = section.putArray("facts");
    m.fields().forEach((name, value) -> facts.addObject().put("name", name).put("value", value));
    return root;
  }
}
