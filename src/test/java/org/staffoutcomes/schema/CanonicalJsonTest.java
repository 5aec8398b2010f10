package org.staffoutcomes.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fingerprints must not change with a map's iteration order or with where a schema was read from. */
class CanonicalJsonTest {

  record Holder(String name, Map<String, Object> settings, String origin) {}

  @Test
  void mapEntriesAreSortedAndOriginsLeftOut() {
    Map<String, Object> backwards = new LinkedHashMap<>();
    backwards.put("region", "Unknown");
    backwards.put("benchmark_group", Map.of("z", 1, "a", 2));
    String json = new String(CanonicalJson.of(new Holder("sample", backwards, "/repo/data-schemas/sample")),
        StandardCharsets.UTF_8);
    assertEquals("{\"name\":\"sample\",\"settings\":{\"benchmark_group\":{\"a\":2,\"z\":1},\"region\":\"Unknown\"}}", json);
  }

  @Test
  void theSameCatalogReadTwiceHasTheSameBytes() {
    Catalog a = CatalogLoader.load("sample", java.nio.file.Path.of("data-schemas"));
    Catalog b = CatalogLoader.load("sample", java.nio.file.Path.of("data-schemas"));
    assertEquals(new String(CanonicalJson.of(a), StandardCharsets.UTF_8), new String(CanonicalJson.of(b), StandardCharsets.UTF_8));
  }
}
