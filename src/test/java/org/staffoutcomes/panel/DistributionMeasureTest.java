package org.staffoutcomes.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.ingest.IngestStage;
import org.staffoutcomes.lake.Lake;
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
    Lake lake = new Lake(spark, work);
    var d = catalog.datasets().get(0);
    new IngestStage(spark, lake).run(d, landing.toUri().toString(), false);
    Map<String, Row> rows = new java.util.HashMap<>();
    PanelStage.build(catalog, Map.of(d.name(), lake.read(lake.raw(d.name())))).collectAsList()
        .forEach(r -> rows.put(r.getString(0), r));

    Row raa = rows.get("RAA");
    double q1 = (10 * 1 + 40 * 3 + 51 * 5) / 101.0;
    double q2 = (20 * 1 + 30 * 3 + 49 * 5) / 99.0;
    assertEquals(q1, (double) raa.getAs("q1_mean"), 1e-12);
    assertEquals(q2, (double) raa.getAs("q2_mean"), 1e-12);
    assertEquals(100.0 * 51 / 101, (double) raa.getAs("q1_top"), 1e-12);
    assertEquals((q1 + q2) / 2, (double) raa.getAs("index"), 1e-12);
    assertEquals(1200.0, (double) raa.getAs("q1_mean_n"), 0.0);

    Row rbb = rows.get("RBB");
    assertEquals(4.0, (double) rbb.getAs("q1_mean"), 1e-12);
    assertTrue(rbb.isNullAt(rbb.fieldIndex("q2_mean")), "an incomplete distribution has no mean");
    assertTrue(rbb.isNullAt(rbb.fieldIndex("index")), "a composite needs every item");
  }
}
