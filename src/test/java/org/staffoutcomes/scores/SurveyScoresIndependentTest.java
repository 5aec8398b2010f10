package org.staffoutcomes.scores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.ingest.IngestStage;
import org.staffoutcomes.lake.Lake;
import org.staffoutcomes.sample.SampleGenerator;
import org.staffoutcomes.sample.SampleOptions;
import org.staffoutcomes.schema.CatalogLoader;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.testing.SparkTestBase;

/**
 * The microdata scores of the pipeline (IngestStage, then ScoreStage) against an independent
 * pandas computation from the same respondent files: {@code src/test/resources/survey-scoring/}
 * (make_expected.py, expected-scores.csv; the README there says how to regenerate). Every value
 * within 1e-9 relative (1e-12 absolute near zero), bases exactly, and the same organisation-years.
 */
class SurveyScoresIndependentTest extends SparkTestBase {

  static final Path FIXTURE_DIR = Path.of("src/test/resources/survey-scoring");
  static final Path FIXTURE = FIXTURE_DIR.resolve("expected-scores.csv");
  static final SampleOptions OPTIONS = new SampleOptions(SampleOptions.DEFAULT_SEED, 20, 2016, 2022, 0.05);
  static final double REL_TOL = 1e-9;
  static final double ABS_TOL = 1e-12;

  @TempDir static Path work;

  /** Fixture: header comment lines, columns, and rows as org_code|year -> column -> cell. */
  static List<String> comments = new ArrayList<>();
  static List<String> columns;
  static Map<String, Map<String, String>> expected = new TreeMap<>();
  /** Pipeline score rows by org_code|year. */
  static Map<String, Row> actual = new TreeMap<>();

  @BeforeAll
  static void generateIngestAndScore() throws IOException {
    readFixture();
    Path landing = work.resolve("landing");
    SampleGenerator.generate(landing, OPTIONS);
    assertSameInputs(landing);

    DatasetDescriptor d = CatalogLoader.load("sample", Path.of("data-schemas"))
        .dataset("staff_microdata").orElseThrow();
    Lake lake = new Lake(spark, work);
    new IngestStage(spark, lake).run(d, landing.toUri().toString(), false);
    for (Row r : ScoreStage.scores(spark, d, lake, lake.raw(d.name()))) {
      Row previous = actual.put(r.getAs("org_code") + "|" + r.getAs("year"), r);
      assertTrue(previous == null, "two score rows for " + r.getAs("org_code") + " " + r.getAs("year"));
    }
  }

  private static void readFixture() throws IOException {
    List<String> lines = Files.readAllLines(FIXTURE, StandardCharsets.UTF_8);
    int k = 0;
    while (lines.get(k).startsWith("#")) {
      comments.add(lines.get(k++));
    }
    columns = List.of(lines.get(k++).split(",", -1));
    for (; k < lines.size(); k++) {
      String[] cells = lines.get(k).split(",", -1);
      assertEquals(columns.size(), cells.length, FIXTURE + " line " + (k + 1) + ": cell count");
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < cells.length; c++) {
        row.put(columns.get(c), cells[c]);
      }
      expected.put(row.get("org_code") + "|" + row.get("year"), row);
    }
  }

  /** The generated microdata files are exactly those the fixture was computed from. */
  private static void assertSameInputs(Path landing) throws IOException {
    Map<String, String> recorded = new TreeMap<>();
    for (String c : comments) {
      if (c.startsWith("# sha256 ")) {
        String[] parts = c.substring("# sha256 ".length()).trim().split(" ");
        recorded.put(parts[0], parts[1]);
      }
    }
    Map<String, String> generated = new TreeMap<>();
    try (Stream<Path> files = Files.list(landing.resolve("staff-microdata"))) {
      for (Path f : files.sorted().toList()) {
        generated.put("staff-microdata/" + f.getFileName(), sha256(f));
      }
    }
    if (!recorded.equals(generated)) {
      fail("The sample generator changed: the generated respondent microdata differ from those "
          + FIXTURE + " was computed from, so the fixture no longer describes them.\n recorded  "
          + recorded + "\n generated " + generated + "\nIf the generator change is intended, regenerate the "
          + "fixture from the repository root with\n  " + FIXTURE_DIR.resolve("regenerate.sh")
          + "\n(it runs generate-sample with these options, then make_expected.py; see "
          + FIXTURE_DIR.resolve("README.md") + ") and commit the new " + FIXTURE.getFileName() + ".");
    }
  }

  private static String sha256(Path f) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theFixtureCoversBothScoreRangesAndEveryMappedYear() {
    TreeSet<String> years = new TreeSet<>();
    expected.values().forEach(r -> years.add(r.get("year")));
    // 2016-2020: the Freedom to Speak Up items (2016 and 2017 on 1-5); 2017-2018 also engagement
    assertEquals(new TreeSet<>(List.of("2016", "2017", "2018", "2019", "2020", "2021", "2022")), years);
    assertTrue(expected.values().stream().filter(r -> !r.get("ftsu_index").isEmpty())
        .map(r -> r.get("year")).distinct().count() == 5, "the FTSU index in 2016-2020");
  }

  @Test
  void everyFixtureOrganisationYearHasAPipelineRowAndViceVersa() {
    assertEquals(expected.keySet(), actual.keySet());
  }

  @Test
  void everyValueAndBaseMatchesTheIndependentComputation() {
    List<String> differences = new ArrayList<>();
    int compared = 0;
    double largest = 0;
    String largestWhere = "";
    for (Map.Entry<String, Map<String, String>> e : expected.entrySet()) {
      Row row = actual.get(e.getKey());
      if (row == null) {
        differences.add(e.getKey() + ": no pipeline row");
        continue;
      }
      for (Map.Entry<String, String> cell : e.getValue().entrySet()) {
        String column = cell.getKey();
        if (column.equals("org_code") || column.equals("year")) {
          continue;
        }
        String where = e.getKey() + " " + column;
        int field = row.fieldIndex(column);
        String want = cell.getValue();
        compared++;
        if (column.equals("respondents") || column.endsWith("_base")) {
          long got = row.getLong(field);
          if (got != Long.parseLong(want)) {
            differences.add(where + ": expected " + want + " but was " + got);
          }
          continue;
        }
        if (want.isEmpty()) {
          if (!row.isNullAt(field)) {
            differences.add(where + ": expected no value but was " + row.getDouble(field));
          }
          continue;
        }
        double x = Double.parseDouble(want);
        if (row.isNullAt(field)) {
          differences.add(where + ": expected " + want + " but was no value");
          continue;
        }
        double y = row.getDouble(field);
        double diff = Math.abs(y - x);
        double rel = diff / Math.max(Math.abs(x), Double.MIN_NORMAL);
        if (rel > largest) {
          largest = rel;
          largestWhere = where;
        }
        if (diff > Math.max(REL_TOL * Math.abs(x), ABS_TOL)) {
          differences.add(where + ": expected " + want + " but was " + y + " (relative difference " + rel + ")");
        }
      }
    }
    System.out.printf("SurveyScoresIndependentTest: %d organisation-years, %d values compared; largest relative "
        + "difference %.3g (%s)%n", expected.size(), compared, largest, largestWhere);
    if (!differences.isEmpty()) {
      fail(differences.size() + " of " + compared + " values differ from the independent computation "
          + FIXTURE + "; first ones:\n  " + String.join("\n  ", differences.subList(0, Math.min(20, differences.size()))));
    }
    assertTrue(compared > 0);
  }
}
