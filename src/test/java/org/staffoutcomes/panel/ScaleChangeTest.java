package org.staffoutcomes.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.CatalogLoader;
import org.staffoutcomes.testing.SparkTestBase;

/** The 2018 move of engagement from 1-5 to 0-10: earlier years rescaled ((x - 1) x 2.5) and flagged. */
class ScaleChangeTest extends SparkTestBase {

  @TempDir Path work;

  /** Two trusts' scores in 2017 (1-5) and 2018 (0-10; RBB missing), through ingest and panel. */
  private Map<String, Map<String, Object>> panel(Catalog catalog) throws IOException {
    Path landing = work.resolve("landing");
    Files.createDirectories(landing);
    Files.writeString(landing.resolve("scores_2017.csv"), "code,engagement\nRAA,3.8\nRBB,4.2\n");
    Files.writeString(landing.resolve("scores_2018.csv"), "code,engagement\nRAA,7.1\nRBB,NA\n");
    return PanelRows.byKey(PanelStage.build(catalog, PanelRows.ingested(spark, catalog, landing, work)));
  }

  @Test
  void yearsBeforeTheChangeAreRescaledOntoTheNewScaleAndFlagged() throws IOException {
    Catalog catalog = CatalogLoader.load(Path.of("src/test/resources/stage-catalog-scale"));
    assertEquals(2018, catalog.measure("engagement").orElseThrow().scaleChange().year());
    Map<String, Map<String, Object>> rows = panel(catalog);

    assertEquals((3.8 - 1) * 2.5, (double) rows.get("RAA2017").get("engagement"), 1e-12);
    assertEquals((4.2 - 1) * 2.5, (double) rows.get("RBB2017").get("engagement"), 1e-12);
    assertTrue((boolean) rows.get("RAA2017").get("engagement_rescaled"));
    assertEquals(7.1, (double) rows.get("RAA2018").get("engagement"), 0.0);
    assertFalse((boolean) rows.get("RAA2018").get("engagement_rescaled"));
    assertFalse(rows.containsKey("RBB2018"), "no value in 2018: no panel row");
  }

  /**
   * The same files with {@code mode: separate}: nothing rescaled; the measure holds 2018 on and a
   * second measure, {@code engagement_before_2018}, the earlier years on their 1-5 scale.
   */
  @Test
  void separateModeKeepsTheEarlierYearsAsTheirOwnSeries() throws IOException {
    Path schemas = work.resolve("catalog");
    Files.createDirectories(schemas);
    Path from = Path.of("src/test/resources/stage-catalog-scale");
    Files.copy(from.resolve("catalog.yaml"), schemas.resolve("catalog.yaml"));
    Files.writeString(schemas.resolve("scores.yaml"), Files.readString(from.resolve("scores.yaml"))
        .replace("to: [0, 10]}", "to: [0, 10], mode: separate}"));
    Catalog catalog = CatalogLoader.load(schemas);
    var early = catalog.measure("engagement_before_2018").orElseThrow();
    assertEquals("Staff engagement, before 2018", early.label());
    assertEquals("score 1-5", early.unit());
    Map<String, Map<String, Object>> rows = panel(catalog);

    assertEquals(3.8, (double) rows.get("RAA2017").get("engagement_before_2018"), 0.0);
    assertNull(rows.get("RAA2017").get("engagement"));
    assertEquals(7.1, (double) rows.get("RAA2018").get("engagement"), 0.0);
    assertNull(rows.get("RAA2018").get("engagement_before_2018"));
    assertFalse(rows.get("RAA2017").containsKey("engagement_rescaled"));
  }
}
