package org.staffoutcomes.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The content of a catalog or descriptor as bytes that are the same in every JVM, for
 * fingerprints: map entries sorted by key (an immutable {@code Map.copyOf} iterates in an order
 * that changes from one JVM start to the next) and without {@code origin} fields (where the
 * files were read from: the repository's data-schemas/ or the jar, which changes no data).
 */
public final class CanonicalJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private CanonicalJson() {}

  public static byte[] of(Object value) {
    try {
      return MAPPER.writeValueAsBytes(withoutOrigins(MAPPER.valueToTree(value)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  private static JsonNode withoutOrigins(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.remove("origin");
    }
    node.forEach(CanonicalJson::withoutOrigins);
    return node;
  }
}
