package org.staffoutcomes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.staffoutcomes.lake.Lake;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.testing.SparkTestBase;
import org.staffoutcomes.testing.StageFixture;

class IngestStageTest extends SparkTestBase {

  @TempDir Path work;

  /**
   * Both ways of reading a dataset whose key may repeat across files (the staff dataset's year is a
   * column): parsed in the driver in file order (small files), and by executor tasks with a window
   * over all rows (driver limit 0 bytes). Files streamed one per task: the next test.
   */
  @ParameterizedTest(name = "driver parse up to {0} bytes")
  @org.junit.jupiter.params.provider.CsvSource({"0, 0", "1048576, 1099511627776"})
  void everyLineIsKeptOrQuarantinedWithFileLineRawAndReason(long driverParseBytes, long streamedFileBytes)
      throws IOException {
    Path landing = StageFixture.write(work.resolve("landing"));
    Catalog catalog = StageFixture.catalog();
    Lake lake = new Lake(spark, work);
    DatasetReport report = new IngestStage(() -> spark, lake, driverParseBytes, streamedFileBytes)
        .run(catalog.dataset("staff").orElseThrow(), landing.toUri().toString(), false);

    assertEquals(7, report.rowsRead());
    assertEquals(5, report.rowsKept());
    assertEquals(2, report.rowsQuarantined());
    assertEquals(report.rowsRead(), report.rowsKept() + report.rowsQuarantined());
    assertEquals(List.of("staff/staff_2019.csv", "staff/staff_2020.csv"),
        report.files().stream().map(FileReport::path).toList());

    List<Row> quarantine = lake.read(lake.quarantine("staff")).orderBy("source_file", "source_line").collectAsList();
    assertEquals(2, quarantine.size());
    Row bad = quarantine.get(0);
    assertEquals("staff/staff_2019.csv", bad.getAs("source_file"));
    assertEquals(4L, (long) bad.getAs("source_line"));
    assertEquals("RCC,2019,abc,300,Acute 2019", bad.getAs("raw"));
    assertEquals("column 3 'engagement': 'abc' is not a number", bad.getAs("reason"));
    Row duplicate = quarantine.get(1);
    assertEquals(4L, (long) duplicate.getAs("source_line"));
    assertEquals("duplicate key (org_code=RAA, survey_year=2020, period starting 2020-01): "
        + "first seen at staff/staff_2020.csv line 2", duplicate.getAs("reason"));

    List<Row> kept = lake.read(lake.raw("staff")).orderBy("org_code", "survey_year").collectAsList();
    assertEquals(5, kept.size());
    assertEquals(1000L, (long) kept.get(0).getAs("engagement_base"), "quoted thousands separator parsed");
    assertTrue(kept.get(3).isNullAt(kept.get(3).fieldIndex("engagement_base")), "NA read as missing");
    assertTrue(Files.isDirectory(Path.of(java.net.URI.create(lake.raw("staff"))).resolve("year=2019")),
        "partitioned by year");
  }

  /**
   * Files streamed one per task (the experience dataset: a key, and each file its own year) find
   * duplicate keys in bounded memory - key hashes spilled in runs, repeated hashes compared a few
   * per pass, the duplicates found spilled, the part file written again without them - on the
   * driver's cores and on executors; the lake tables and counts are exactly those of the
   * file-order path, which holds every key.
   */
  @Test
  void streamedFilesFindDuplicateKeysInBoundedMemoryAsTheInMemoryCheckDoes() throws IOException {
    Path landing = work.resolve("landing");
    Files.createDirectories(landing);
    java.util.Random random = new java.util.Random(5);
    for (int year : new int[] {2019, 2020}) {
      StringBuilder text = new StringBuilder("code,score\n");
      for (int k = 0; k < 1_500; k++) {
        String score = random.nextInt(25) == 0 ? "abc" : String.valueOf(k % 100 / 10.0);
        text.append('R').append(random.nextInt(700)).append(',').append(score).append('\n');
      }
      Files.writeString(landing.resolve("experience_" + year + ".csv"), text.toString());
    }
    var d = StageFixture.catalog().dataset("experience").orElseThrow();
    FileDuplicates.Limits tiny = new FileDuplicates.Limits(50, 60, 3);
    List<List<Row>> quarantines = new java.util.ArrayList<>();
    List<List<Row>> keptRows = new java.util.ArrayList<>();
    List<DatasetReport> reports = new java.util.ArrayList<>();
    long[][] paths = {{1L << 30, 1L << 40}, {1L << 30, 0}, {0, 0}};
    for (long[] path : paths) {
      Lake lake = new Lake(spark, work.resolve("lake-" + path[0] + "-" + path[1]));
      reports.add(new IngestStage(() -> spark, lake, path[0], path[1], tiny).run(d, landing.toUri().toString(), false));
      quarantines.add(lake.read(lake.quarantine(d.name())).orderBy("source_file", "source_line").collectAsList());
      keptRows.add(lake.read(lake.raw(d.name())).orderBy(LakeRows.SOURCE_FILE, LakeRows.SOURCE_LINE).collectAsList());
    }
    long duplicates = quarantines.get(0).stream().filter(r -> r.<String>getAs("reason").startsWith("duplicate key")).count();
    assertTrue(duplicates > 1_000, "many duplicates: " + duplicates);
    assertEquals(3_000, reports.get(0).rowsRead());
    assertEquals(3_000 - quarantines.get(0).size(), keptRows.get(0).size());
    for (int p = 1; p < paths.length; p++) {
      assertEquals(reports.get(0).files(), reports.get(p).files(), "counts of path " + p);
      assertEquals(quarantines.get(0), quarantines.get(p), "quarantine of path " + p);
      assertEquals(keptRows.get(0), keptRows.get(p), "kept rows of path " + p);
    }
  }

  /**
   * A dataset small enough for the driver is read and written without a Spark session (a run of
   * small datasets starts none); a larger one asks for the session.
   */
  @Test
  void onlyADatasetParsedByExecutorsStartsSpark() throws IOException {
    Path landing = StageFixture.write(work.resolve("landing"));
    var d = StageFixture.catalog().dataset("staff").orElseThrow();
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.Supplier<org.apache.spark.sql.SparkSession> session = () -> {
      asked.incrementAndGet();
      return spark;
    };
    Lake lake = new Lake(session, work);
    DatasetReport small = new IngestStage(session, lake, 1L << 20).run(d, landing.toUri().toString(), false);
    assertEquals(0, asked.get(), "no Spark for a dataset parsed in the driver");
    assertEquals(5, small.rowsKept());

    DatasetReport large = new IngestStage(session, lake, 0).run(d, landing.toUri().toString(), true);
    assertTrue(asked.get() > 0, "a dataset above the driver limit is parsed by Spark executors");
    assertEquals(small.files(), large.files(), "same counts either way");
    assertEquals(5, lake.read(lake.raw("staff")).count());
  }

  @Test
  void unchangedInputIsNotReadAgainUnlessForced() throws IOException {
    Path landing = StageFixture.write(work.resolve("landing"));
    var d = StageFixture.catalog().dataset("absence").orElseThrow();
    IngestStage stage = new IngestStage(spark, new Lake(spark, work));
    DatasetReport first = stage.run(d, landing.toUri().toString(), false);
    DatasetReport second = stage.run(d, landing.toUri().toString(), false);
    assertFalse(first.skipped());
    assertTrue(second.skipped());
    assertEquals(first.files(), second.files());
    assertFalse(stage.run(d, landing.toUri().toString(), true).skipped(), "--force re-ingests");

    Files.writeString(landing.resolve("absence.csv"), "2020-05,RCC,1,10\n", java.nio.file.StandardOpenOption.APPEND);
    // The next run (a stage lists and hashes the input folder once, for its run).
    DatasetReport changed = new IngestStage(spark, new Lake(spark, work)).run(d, landing.toUri().toString(), false);
    assertFalse(changed.skipped(), "a changed file is re-ingested");
    assertEquals(6, changed.rowsKept());
  }

  @ParameterizedTest(name = "driver parse up to {0} bytes")
  @ValueSource(longs = {0, 1L << 20})
  void missingFilesAndMissingColumnsAreClearErrors(long driverParseBytes) throws IOException {
    Path landing = StageFixture.write(work.resolve("landing"));
    Catalog catalog = StageFixture.catalog();
    IngestStage stage = new IngestStage(spark, new Lake(spark, work), driverParseBytes);
    IngestException none = assertThrows(IngestException.class,
        () -> stage.run(catalog.dataset("staff").orElseThrow(), work.resolve("empty").toUri().toString(), false));
    assertTrue(none.getMessage().startsWith("Cannot read input folder "), none.getMessage());

    Files.writeString(landing.resolve("experience_2021.csv"), "code,points\nRAA,8\n");
    IngestException header = assertThrows(IngestException.class,
        () -> stage.run(catalog.dataset("experience").orElseThrow(), landing.toUri().toString(), false));
    assertTrue(header.getMessage().startsWith("experience_2021.csv line 1: header lacks column(s) 'score' declared in "),
        header.getMessage());
  }

  /**
   * A file appended to after it was listed and hashed (as when a copy into the input folder is
   * still going on): reading it to its end finds another size, and the dataset fails with exit 4
   * rather than keeping rows that its fingerprint does not describe.
   */
  @Test
  void aFileThatGrowsAfterItWasListedIsRefusedWhenReadToItsEnd() throws IOException {
    Path landing = StageFixture.write(work.resolve("landing"));
    var d = StageFixture.catalog().dataset("orgs").orElseThrow();
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
    List<InputFile> files = InputFiles.find(InputFiles.list(landing.toUri().toString(), conf), d.filePattern(), conf);
    long listed = Files.size(landing.resolve("orgs.csv"));
    Files.writeString(landing.resolve("orgs.csv"), "RDD,Delta Hospital,Acute,\n", java.nio.file.StandardOpenOption.APPEND);
    IngestException e = assertThrows(IngestException.class, () -> DriverParse.of(d, files, conf));
    assertEquals("orgs.csv: the file changed while it was being read (" + listed + " bytes when hashed, " + (listed + 26)
        + " when read to its end); nothing of it is kept: run again once it is complete", e.getMessage());
  }
}
