package dev.canarykit.k8s.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * canarykit's own {@code generic} format, for any receiver: {@code name, namespace, severity, message, channel,
 * username, fields[{name, value}]} (fields as a list, so their order survives).
 */
final class GenericPayload {
  private GenericPayload() {}

  static ObjectNode of(AlertTarget target, AlertMessage m) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("name", m.name());
    root.put("namespace", m.namespace());
    root.put("severity", m.severity().wireName());
    root.put("message", m.text());
    root.put("channel", target.channel());
    root.put("username", target.username());
    ArrayNode fields = root.putArray("fields");
    m.fields().forEach((name, value) -> fields.addObject().put("name", name).put("value", value));
    return root;
  }
}
