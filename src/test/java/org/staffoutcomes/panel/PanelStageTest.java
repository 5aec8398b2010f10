package org.staffoutcomes.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.ingest.IngestStage;
import org.staffoutcomes.lake.Lake;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.testing.SparkTestBase;
import org.staffoutcomes.testing.StageFixture;

class PanelStageTest extends SparkTestBase {

  @TempDir static Path work;
  static Dataset<Row> panel;

  @BeforeAll
  static void buildPanel() throws IOException {
    Path landing = StageFixture.write(work.resolve("landing"));
    Catalog catalog = StageFixture.catalog();
    Lake lake = new Lake(spark, work);
    Map<String, Dataset<Row>> rows = new LinkedHashMap<>();
    for (DatasetDescriptor d : catalog.datasets()) {
      new IngestStage(spark, lake).run(d, landing.toUri().toString(), false);
      rows.put(d.name(), lake.read(lake.raw(d.name())));
    }
    panel = PanelStage.build(catalog, rows).cache();
  }

  @Test
  void columnsAreKeyAttributesThenEachMeasureWithItsCountsAndLag() {
    assertEquals(List.of("org_code", "survey_year", "org_name", "trust_type", "benchmark_group", "region", "succession",
        "engagement", "engagement_n", "engagement_suppressed",
        "absence", "absence_num", "absence_den", "absence_periods", "absence_lag1",
        "experience", "experience_periods", "experience_lag1"), List.of(panel.columns()));
  }

  @Test
  void oneRowPerOrganisationYearWithRatesFromSummedCountsAndOutcomesOneYearLater() {
    List<Row> expected = List.of(
        // FY2019/20 absence = (10 + 60) / (100 + 300), not the mean of the monthly rates (15%);
        // lag 1 = FY2020/21 = (5 + 15) / (100 + 100). March 2020 counts for 2019, April 2020 for 2020.
        RowFactory.create("RAA", 2019, "Alpha Hospital", "Acute", "Acute 2019", "Nowhere", "", 7.0, 1000.0, false,
            17.5, 70.0, 400.0, 2, 10.0, 8.1, 1, 8.3),
        RowFactory.create("RAA", 2020, "Alpha Hospital", "Acute", "Acute 2020", "Nowhere", "", 7.2, 1100.0, false,
            10.0, 20.0, 200.0, 2, null, 8.3, 1, null),
        // The staff row has no group: the reference's applies. No base: the plain value, n missing.
        RowFactory.create("RBB", 2019, "Beta, Mental Health", "Mental health", "MH", "Nowhere", "", 3.82666666666667, 1142.0, false,
            1.0, 1.0, 100.0, 1, null, 7.9, 1, null),
        RowFactory.create("RBB", 2020, "Beta, Mental Health", "Mental health", "MH", "Nowhere", "", 6.6, null, false,
            null, null, null, null, null, null, null, null));
    // RCC 2019's staff row was quarantined; RCC 2020 rests on 10 respondents: suppressed, marked.
    //   (its row is checked in the next test)
    assertRowListsEqual(expected, panel.filter("org_code <> 'RCC'").collectAsList(), 1e-12);
  }

  @Test
  void scoresOnFewerThanElevenRespondentsAreSuppressedAndMarked() {
    List<Row> rcc = panel.filter("org_code = 'RCC'").collectAsList();
    assertEquals(1, rcc.size(), "RCC 2019 was quarantined; 2020 has a row");
    assertEquals(2020, rcc.get(0).getInt(1));
    assertTrue(rcc.get(0).isNullAt(rcc.get(0).fieldIndex("engagement")), "value withheld");
    assertEquals(10.0, (double) rcc.get(0).getAs("engagement_n"), "the base stays visible");
    assertTrue((boolean) rcc.get(0).getAs("engagement_suppressed"));
  }

  @Test
  void aSingleWeightedValueIsKeptToTheLastBit() {
    // 3.82666666666667 * 1142 / 1142 is not 3.82666666666667 in floating point; ties between trusts
    // with equal published values must survive for Spearman's ranks.
    Row rbb = panel.filter("org_code = 'RBB' AND survey_year = 2019").first();
    assertEquals(3.82666666666667, (double) rbb.getAs("engagement"), 0.0);
  }
}
