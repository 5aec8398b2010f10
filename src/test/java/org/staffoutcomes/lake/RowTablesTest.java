package org.staffoutcomes.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.testing.SparkTestBase;

/**
 * A table of rows held by the driver is written without Spark, and Spark reads it exactly as it
 * reads the same rows written by Spark: same columns and types, same rows, same partition folders.
 */
class RowTablesTest extends SparkTestBase {

  @TempDir Path work;

  private static final Supplier<SparkSession> NO_SPARK = () -> {
    throw new AssertionError("a driver-held table must be written without starting Spark");
  };

  private static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("org_code", DataTypes.StringType, true),
      DataTypes.createStructField("count", DataTypes.LongType, true),
      DataTypes.createStructField("value", DataTypes.DoubleType, true),
      DataTypes.createStructField("flag", DataTypes.BooleanType, true),
      DataTypes.createStructField("source_file", DataTypes.StringType, false),
      DataTypes.createStructField("source_line", DataTypes.LongType, false),
      DataTypes.createStructField("period_start", DataTypes.DateType, true),
      DataTypes.createStructField("year", DataTypes.IntegerType, true)));

  private static final List<Row> ROWS = List.of(
      RowFactory.create("RAA", 12L, 0.125, true, "a/x 2019.csv", 2L, Date.valueOf("2019-04-01"), 2019),
      RowFactory.create("Trust, \"quoted\" é", null, Double.NaN, false, "a/x 2019.csv", 3L, Date.valueOf("1999-12-01"), 2019),
      RowFactory.create(null, -5L, null, null, "b.csv", 9L, null, 2021),
      RowFactory.create("RBB", Long.MAX_VALUE, -1e-300, true, "b.csv", 10L, Date.valueOf("2021-02-01"), null));

  @Test
  void partitionedByYearReadsBackAsSparkWroteIt() throws IOException {
    Lake driver = new Lake(NO_SPARK, work);
    Lake spark = new Lake(SparkTestBase.spark, work);
    driver.replace(driver.raw("by_driver"), ROWS, SCHEMA, "year");
    spark.replace(spark.raw("by_spark"), SparkTestBase.spark.createDataFrame(ROWS, SCHEMA), "year");

    assertSameTable(spark, spark.raw("by_spark"), spark.raw("by_driver"));
    assertEquals(partitionFolders("by_spark"), partitionFolders("by_driver"));
    assertEquals(List.of("year=2019", "year=2021", "year=__HIVE_DEFAULT_PARTITION__"), partitionFolders("by_driver"));
    assertEquals(Files.readString(schemaFile("by_spark")), Files.readString(schemaFile("by_driver")),
        "the schema a reader is given");
  }

  @Test
  void unpartitionedAndEmptyTablesReadBackAsSparkWroteThem() throws IOException {
    Lake driver = new Lake(NO_SPARK, work);
    Lake spark = new Lake(SparkTestBase.spark, work);
    driver.replace(driver.raw("flat_driver"), ROWS, SCHEMA);
    spark.replace(spark.raw("flat_spark"), SparkTestBase.spark.createDataFrame(ROWS, SCHEMA).coalesce(1));
    assertSameTable(spark, spark.raw("flat_spark"), spark.raw("flat_driver"));

    driver.replace(driver.quarantine("none"), List.of(), SCHEMA);
    driver.replace(driver.raw("none"), List.of(), SCHEMA, "year");
    assertEquals(0, spark.read(spark.quarantine("none")).count());
    assertEquals(0, spark.read(spark.raw("none")).count());
    assertEquals(List.of(SCHEMA.fieldNames()), List.of(spark.read(spark.raw("none")).columns()));
    // An unpartitioned table always has a part file, so Spark reads its columns even without _schema.json.
    assertEquals(List.of(SCHEMA.fieldNames()),
        List.of(SparkTestBase.spark.read().parquet(spark.quarantine("none")).columns()));
  }

  /**
   * Part files written by several tasks (here two parts, as two executor tasks would) make one
   * table that Spark reads as the rows of both; read back in plain Java ({@link PartFileRows}), a
   * part file gives the rows Spark gives, partition values included, and only the columns asked for.
   */
  @Test
  void partsWrittenByTasksReadBackInPlainJavaAsSparkReadsThem() {
    // A folder above the table named like a column is not one of its partitions.
    Path root = work.resolve("org_code=ZZZ");
    Lake driver = new Lake(NO_SPARK, root);
    String table = driver.raw("by_parts");
    PartFiles parts = driver.startParts(table, SCHEMA, "year");
    for (int part = 0; part < 2; part++) {
      try (PartFiles.Writer w = parts.open(part, new org.apache.hadoop.conf.Configuration())) {
        for (Row r : part == 0 ? ROWS.subList(0, 2) : ROWS.subList(2, ROWS.size())) {
          Object[] values = new Object[r.length()];
          for (int i = 0; i < values.length; i++) {
            values[i] = r.get(i);
          }
          w.write(values);
        }
      }
    }
    driver.stageParts(table, SCHEMA, "year").swapIn();
    Lake spark = new Lake(SparkTestBase.spark, root);
    spark.replace(spark.raw("by_spark"), SparkTestBase.spark.createDataFrame(ROWS, SCHEMA), "year");
    assertSameTable(spark, spark.raw("by_spark"), table);

    StructType schema = driver.schema(table);
    java.util.Set<String> all = java.util.Set.of(schema.fieldNames());
    List<Row> plain = new java.util.ArrayList<>();
    List<String> files = PartFileRows.list(table, new org.apache.hadoop.conf.Configuration());
    assertEquals(3, files.size(), "one file per part and year: " + files);
    for (String f : files) {
      PartFileRows.read(f, schema, all, new org.apache.hadoop.conf.Configuration())
          .forEachRemaining(v -> plain.add(new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(v, schema)));
    }
    assertRowListsEqual(sorted(spark.read(table)), plain.stream()
        .sorted(java.util.Comparator.comparing(Row::toString)).toList(), 0.0);

    List<String> someColumns = new java.util.ArrayList<>();
    for (String f : files) {
      PartFileRows.read(f, schema, java.util.Set.of("org_code", "period_start"), new org.apache.hadoop.conf.Configuration())
          .forEachRemaining(v -> someColumns.add(java.util.Arrays.asList(v).toString()));
    }
    assertEquals(List.of("[RAA, null, null, null, null, null, 2019-04-01, 2019]",
        "[RBB, null, null, null, null, null, 2021-02-01, null]",
        "[Trust, \"quoted\" é, null, null, null, null, null, 1999-12-01, 2019]",
        "[null, null, null, null, null, null, null, 2021]"), someColumns.stream().sorted().toList());
    List<Object> organisations = new java.util.ArrayList<>();
    for (String f : files) {
      PartFileRows.read(f, schema, java.util.Set.of("source_line"), new org.apache.hadoop.conf.Configuration())
          .forEachRemaining(v -> organisations.add(v[0]));
    }
    assertEquals(java.util.Arrays.asList(null, null, null, null), organisations, "a column not asked for is null");
  }

  /**
   * {@link SmallTables} reads a Spark-written partitioned table with each value typed as its
   * documentation says (String, Long, Double, Boolean, LocalDate; the partition folder's value an
   * Integer, null for Spark's missing-value folder; missing values null), only the named columns
   * when asked; and a table it writes reads back the same, a NaN written as missing, and Spark
   * reads it with its layout's columns.
   */
  @Test
  void smallTablesReadAndWriteEveryColumnType() {
    Lake spark = new Lake(SparkTestBase.spark, work);
    String table = spark.raw("by_spark");
    spark.replace(table, SparkTestBase.spark.createDataFrame(ROWS, SCHEMA), "year");

    SmallTables.Contents all = SmallTables.contents(table);
    assertEquals(List.of(SCHEMA.fieldNames()), all.columns());
    List<String> rows = all.rows().stream().map(SmallTablesRows::typed).sorted().toList();
    assertEquals(List.of(
        "[RAA:String, 12:Long, 0.125:Double, true:Boolean, a/x 2019.csv:String, 2:Long, 2019-04-01:LocalDate, 2019:Integer]",
        "[RBB:String, 9223372036854775807:Long, -1.0E-300:Double, true:Boolean, b.csv:String, 10:Long, 2021-02-01:LocalDate, null]",
        "[Trust, \"quoted\" é:String, null, NaN:Double, false:Boolean, a/x 2019.csv:String, 3:Long, 1999-12-01:LocalDate, 2019:Integer]",
        "[null, -5:Long, null, null, b.csv:String, 9:Long, null, 2021:Integer]"), rows);

    List<String> projected = new java.util.ArrayList<>();
    SmallTables.forEach(table, java.util.Set.of("org_code", "period_start"), r -> {
      projected.add(r.optionalText("org_code") + " " + r.value("period_start") + " " + r.value("year"));
      assertEquals(false, r.has("count"), "a column not asked for is not read");
    });
    assertEquals(List.of("RAA 2019-04-01 2019", "RBB 2021-02-01 null", "Trust, \"quoted\" é 1999-12-01 2019",
        "null null 2021"), projected.stream().sorted().toList());

    TableLayout layout = TableLayout.builder().string("org_code").integer("year").longInt("count")
        .optionalDouble("value").bool("flag").optional("note", TableLayout.Type.STRING).build();
    String written = spark.paths().analysis("small");
    SmallTables.write(written, layout, List.of(new Object[] {"RAA", 2019, 12L, 0.5, true, "é, \"x\""},
        new Object[] {"RBB", 2020, -1L, Double.NaN, false, null}));
    List<TableRecord> back = SmallTables.read(written);
    assertEquals(2, back.size());
    assertEquals("RAA", back.get(0).string("org_code"));
    assertEquals(2019, back.get(0).integer("year"));
    assertEquals(12L, back.get(0).longInt("count"));
    assertEquals(0.5, back.get(0).optionalDouble("value"));
    assertEquals(true, back.get(0).bool("flag"));
    assertEquals("é, \"x\"", back.get(0).optionalText("note"));
    assertEquals(null, back.get(1).value("value"), "a NaN is written as missing");
    assertEquals(Double.NaN, back.get(1).optionalDouble("value"));
    assertEquals(null, back.get(1).optionalText("note"));
    Dataset<Row> read = spark.read(written);
    assertEquals(layout.names(), List.of(read.columns()));
    assertEquals(List.of("[RAA,2019,12,0.5,true,é, \"x\"]", "[RBB,2020,-1,null,false,null]"),
        read.collectAsList().stream().map(Row::toString).sorted().toList());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SmallTables.write(written, layout, List.<Object[]>of(new Object[] {"RAA", 2019, 1L, 1.0, null, null})));
    assertEquals("Cannot write a missing value to column flag", e.getMessage());
  }

  /** A row's values with their Java types, to assert both. */
  private static final class SmallTablesRows {
    static String typed(Object[] values) {
      return java.util.Arrays.stream(values).map(v -> v == null ? "null" : v + ":" + v.getClass().getSimpleName())
          .toList().toString();
    }
  }

  @Test
  void aMissingValueInARequiredColumnIsRefused() {
    Lake driver = new Lake(NO_SPARK, work);
    Row bad = RowFactory.create("RAA", 1L, 1.0, true, null, 2L, null, 2019);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> driver.replace(driver.raw("bad"), List.of(bad), SCHEMA, "year"));
    assertEquals("Cannot write a missing value to column source_file", e.getMessage());
  }

  /** Same columns and types and the same rows, read with and without the kept schema. */
  private static void assertSameTable(Lake lake, String expected, String actual) {
    assertEquals(lake.read(expected).schema(), lake.read(actual).schema());
    assertRowListsEqual(sorted(lake.read(expected)), sorted(lake.read(actual)), 0.0);
    Dataset<Row> inferred = SparkTestBase.spark.read().parquet(actual);
    assertEquals(SparkTestBase.spark.read().parquet(expected).schema(), inferred.schema(), "schema from the files");
    assertRowListsEqual(sorted(SparkTestBase.spark.read().parquet(expected)), sorted(inferred), 0.0);
  }

  private List<String> partitionFolders(String table) throws IOException {
    try (Stream<Path> s = Files.list(work.resolve("lake/raw").resolve(table))) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private Path schemaFile(String table) {
    return work.resolve("lake/raw").resolve(table).resolve("_schema.json");
  }
}
