package dev.canarykit.k8s;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;

/**
 * Removes from the Istio pass-through blocks of a Canary read from the API server every field outside Flagger's
 * schema, as the API server itself prunes them with Flagger's CRD (or canarykit's): whatever stored the object, no
 * such field reaches an Istio object.
 */
final class SchemaPruning {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  private static final TypeReference<List<Map<String, Object>>> OBJECTS = new TypeReference<>() {};

  private SchemaPruning() {}

  /** {@code block} at {@code path} of the Canary schema (e.g. {@code spec.service.corsPolicy}), pruned. */
  static Map<String, Object> object(String path, Map<String, Object> block) {
    return block == null ? null
        : MAPPER.convertValue(SchemaCheck.prune(Schemas.at("Canary", path), MAPPER.valueToTree(block)), OBJECT);
  }

  /** {@code list} at {@code path} of the Canary schema (e.g. {@code spec.service.match}), pruned. */
  static List<Map<String, Object>> objects(String path, List<Map<String, Object>> list) {
    return list == null ? null
        : MAPPER.convertValue(SchemaCheck.prune(Schemas.at("Canary", path), MAPPER.valueToTree(list)), OBJECTS);
  }
}
