package org.staffoutcomes.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.holdenkarau.spark.testing.DataFrameSuiteBase$;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.staffoutcomes.pipeline.SparkSessions;

/**
 * One local[2] Spark session shared by every Spark test in the JVM (UI off), and row-list
 * equality that reports which row differs. Row comparison is spark-testing-base's
 * {@code approxEquals}.
 */
public abstract class SparkTestBase {

  protected static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkSessions.create("local[2]");
  }

  /** Same schema field names and the same rows in the same order, doubles within {@code tolerance} (relative to 1). */
  protected static void assertRowsEqual(Dataset<Row> expected, Dataset<Row> actual, double tolerance) {
    if (!List.of(expected.columns()).equals(List.of(actual.columns()))) {
      fail("columns differ:\n expected " + List.of(expected.columns()) + "\n actual   " + List.of(actual.columns()));
    }
    List<Row> e = expected.collectAsList();
    List<Row> a = actual.collectAsList();
    assertRowListsEqual(e, a, tolerance);
  }

  protected static void assertRowListsEqual(List<Row> e, List<Row> a, double tolerance) {
    for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
      if (!DataFrameSuiteBase$.MODULE$.approxEquals(e.get(i), a.get(i), tolerance)) {
        fail("row " + i + " differs:\n expected " + e.get(i) + "\n actual   " + a.get(i));
      }
    }
    if (e.size() != a.size()) {
      fail("expected " + e.size() + " rows, got " + a.size() + ":\n expected " + e + "\n actual   " + a);
    }
  }

  /** Rows sorted by their string form, for comparing results whose order is not part of the contract. */
  protected static List<Row> sorted(Dataset<Row> d) {
    return d.collectAsList().stream().sorted(Comparator.comparing(Row::toString)).toList();
  }
}
