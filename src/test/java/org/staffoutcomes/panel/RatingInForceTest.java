package org.staffoutcomes.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.ingest.DatasetReport;
import org.staffoutcomes.ingest.IngestStage;
import org.staffoutcomes.lake.Lake;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.CatalogLoader;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.testing.SparkTestBase;

/** The {@code latest_on} rule: survey year Y takes the rating in force at the end of March of Y + 1. */
class RatingInForceTest extends SparkTestBase {

  @TempDir Path work;

  @Test
  void eachSurveyYearTakesTheLatestRatingPublishedByItsReferenceDate() throws IOException {
    Path landing = work.resolve("landing");
    Files.createDirectories(landing.resolve("staff"));
    Files.writeString(landing.resolve("staff/staff_2019.csv"), "code,year,engagement,base,group\nRAA,2019,7.0,100,\nRBB,2019,6.0,100,\n");
    Files.writeString(landing.resolve("staff/staff_2020.csv"), "code,year,engagement,base,group\nRAA,2020,7.1,100,\nRBB,2020,6.1,100,\n");
    Files.writeString(landing.resolve("ratings.csv"), """
        code,domain,rating,published
        RAA,Overall,Good,15/06/2018
        RAA,Safe,Outstanding,15/06/2018
        RAA,Overall,Inadequate,10/03/2020
        RAA,Overall,Outstanding,02/04/2020
        RBB,Overall,Good,20/05/2021
        RBB,Overall,Excellent,20/05/2019
        RBB,Overall,Good,31/02/2019
        """);
    Catalog catalog = CatalogLoader.load(Path.of("src/test/resources/stage-catalog-ratings"));
    Lake lake = new Lake(spark, work);
    for (DatasetDescriptor d : catalog.datasets()) {
      DatasetReport r = new IngestStage(spark, lake).run(d, landing.toUri().toString(), false);
      if (d.name().equals("ratings")) {
        assertEquals(7, r.rowsRead());
        assertEquals(2, r.rowsQuarantined(), "an unknown level and an impossible date");
      }
    }
    Map<String, Map<String, Object>> byKey = PanelRows.byKey(PanelStage.build(catalog, lake.paths()));

    // 2019 -> in force on March 2020: the Inadequate of 10/03/2020 (level 1), not the Good of 2018,
    // not the Outstanding of 02/04/2020, which is in force for 2020. The Safe domain is filtered out.
    assertEquals(1L, ((Number) byKey.get("RAA2019").get("rating")).longValue());
    assertEquals(4L, ((Number) byKey.get("RAA2020").get("rating")).longValue());
    assertEquals(4L, ((Number) byKey.get("RAA2019").get("rating_lag1")).longValue());
    // RBB's only valid rating (May 2021) is after both reference dates.
    assertNull(byKey.get("RBB2019").get("rating"));
    assertNull(byKey.get("RBB2020").get("rating"));
  }
}
