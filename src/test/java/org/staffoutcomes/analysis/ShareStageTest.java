package org.staffoutcomes.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.CatalogLoader;
import org.staffoutcomes.stats.Proportion;

class ShareStageTest {

  static final StructType PANEL = DataTypes.createStructType(List.of(
      DataTypes.createStructField("org_code", DataTypes.StringType, false),
      DataTypes.createStructField("survey_year", DataTypes.IntegerType, false),
      DataTypes.createStructField("trust_type", DataTypes.StringType, false),
      DataTypes.createStructField("engagement", DataTypes.DoubleType, true),
      DataTypes.createStructField("rating", DataTypes.DoubleType, true),
      DataTypes.createStructField("rating_lag1", DataTypes.DoubleType, true)));

  @Test
  void sharesAtOrAboveTheLevelPerQuintileOfTheHeadlineMeasure() {
    Catalog catalog = CatalogLoader.load(Path.of("src/test/resources/stage-catalog-ratings"));
    double[] levels = {1, 2, 3, 2, 3, 3, 4, 3, 4, 4};
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(new Object[] {"R" + i, 2019, "Acute", (double) (i + 1), levels[i], null});
    }
    rows.add(new Object[] {"RX", 2019, "Acute", null, 4.0, null});
    List<ShareRow> shares = ShareStage.shares(catalog, new PanelTable(List.of(PANEL.fieldNames()), rows)).stream()
        .filter(s -> s.year().equals("pooled")).toList();

    // Engagement 1..10: type-7 quintile cut points 2.8, 4.6, 6.4, 8.2 -> two trusts per quintile.
    long[] good = {0, 1, 2, 2, 2};
    assertEquals(5, shares.size());
    for (int q = 0; q < 5; q++) {
      ShareRow s = shares.get(q);
      assertEquals(q + 1, s.quintile());
      assertEquals(2, s.n(), "the trust without engagement is left out");
      assertEquals(good[q], s.successes());
      assertEquals(2.0 * q + 1, s.quintileLow());
      assertEquals(2.0 * q + 2, s.quintileHigh());
      assertEquals("Good or outstanding", s.shareLabel());
      var wilson = Proportion.wilson(good[q], 2, 0.95);
      assertEquals(wilson.ciLow(), s.ciLow(), 1e-12);
      assertEquals(wilson.ciHigh(), s.ciHigh(), 1e-12);
    }
    assertTrue(shares.get(0).share() < shares.get(4).share());
  }

  @Test
  void aCatalogWithoutOrdinalOutcomesHasNoShares() {
    Catalog catalog = CatalogLoader.load(Path.of("src/test/resources/stage-catalog"));
    assertEquals(0, ShareStage.shares(catalog, org.staffoutcomes.testing.SmallPanel.table()).size());
  }
}
