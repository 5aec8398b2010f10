package org.staffoutcomes.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.staffoutcomes.ingest.IngestStage;
import org.staffoutcomes.lake.Lake;
import org.staffoutcomes.lake.LakePaths;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.DatasetDescriptor;

/** A built panel's rows by organisation code and year ("RAA2019"), each by column name; test helpers. */
final class PanelRows {

  private PanelRows() {}

  /** Every dataset of the catalog ingested (Spark) from {@code landing} into a lake under {@code root}. */
  static LakePaths ingested(SparkSession spark, Catalog catalog, Path landing, Path root) {
    Lake lake = new Lake(spark, root);
    for (DatasetDescriptor d : catalog.datasets()) {
      new IngestStage(spark, lake).run(d, landing.toUri().toString(), false);
    }
    return lake.paths();
  }

  static Map<String, Map<String, Object>> byKey(PanelStage.Panel panel) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (Object[] r : panel.rows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < r.length; i++) {
        row.put(panel.columns().get(i), r[i]);
      }
      out.put((String) r[0] + r[1], row);
    }
    return out;
  }

  /** The row's values equal {@code expected} (numbers to {@code tolerance}), column by column. */
  static void assertRow(Object[] expected, Object[] actual, double tolerance) {
    assertEquals(expected.length, actual.length, "columns");
    for (int i = 0; i < expected.length; i++) {
      Object e = expected[i];
      Object a = actual[i];
      if (e instanceof Double x && a instanceof Double y) {
        if (Math.abs(x - y) > tolerance) {
          fail("column " + i + ": expected " + x + ", got " + y + " in " + List.of(actual));
        }
      } else {
        assertEquals(e, a, "column " + i + " in " + java.util.Arrays.asList(actual));
      }
    }
  }
}
