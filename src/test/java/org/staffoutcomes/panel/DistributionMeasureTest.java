package org.staffoutcomes.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.CatalogLoader;
import org.staffoutcomes.testing.SparkTestBase;

/** Item scores from published answer distributions, and a score as the mean of item scores. */
class DistributionMeasureTest extends SparkTestBase {

  @TempDir Path work;

  @Test
  void itemMeansUseTheRowsOwnTotalAndCompositesAverageTheItems() throws IOException {
    Path landing = work.resolve("landing");
    Files.createDirectories(landing);
    // Rounded percentages: RAA's q1 adds up to 101, q2 to 99; RBB lacks one q2 percentage.
    Files.writeString(landing.resolve("dist_2017.csv"), """
        code,q1.Never,q1.Sometimes,q1.Always,q1.n,q2.Never,q2.Sometimes,q2.Always,q2.n
        RAA,10,40,51,"1,200",20,30,49,1190
        RBB,0,50,50,300,10,NA,60,290
        """);
    Catalog catalog = CatalogLoader.load(Path.of("src/test/resources/stage-catalog-distribution"));
    Map<String, Map<String, Object>> rows = new java.util.HashMap<>();
    PanelRows.byKey(PanelStage.build(catalog, PanelRows.ingested(spark, catalog, landing, work)))
        .forEach((key, r) -> rows.put((String) r.get("org_code"), r));

    Map<String, Object> raa = rows.get("RAA");
    double q1 = (10 * 1 + 40 * 3 + 51 * 5) / 101.0;
    double q2 = (20 * 1 + 30 * 3 + 49 * 5) / 99.0;
    assertEquals(q1, (double) raa.get("q1_mean"), 1e-12);
    assertEquals(q2, (double) raa.get("q2_mean"), 1e-12);
    assertEquals(100.0 * 51 / 101, (double) raa.get("q1_top"), 1e-12);
    assertEquals((q1 + q2) / 2, (double) raa.get("index"), 1e-12);
    assertEquals(1200.0, (double) raa.get("q1_mean_n"), 0.0);

    Map<String, Object> rbb = rows.get("RBB");
    assertEquals(4.0, (double) rbb.get("q1_mean"), 1e-12);
    assertNull(rbb.get("q2_mean"), "an incomplete distribution has no mean");
    assertNull(rbb.get("index"), "a composite needs every item");
  }
}
