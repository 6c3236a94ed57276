package dev.canarykit.k8s.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON body of an alert for each provider type (the shapes of Flagger's {@code pkg/notifier}). */
final class Payloads {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Payloads() {}

  static String render(AlertTarget target, AlertMessage m) {
    ObjectNode body = switch (target.type()) {
      case SLACK, DISCORD -> SlackPayload.slack(target, m);
      case ROCKET -> SlackPayload.rocket(target, m);
      case MSTEAMS -> TeamsPayload.of(m);
      case GCHAT -> GoogleChatPayload.of(m);
      case GENERIC -> GenericPayload.of(target, m);
    };
    try {
      return MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serialises", e);
    }
  }
}
