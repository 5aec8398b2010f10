package org.staffoutcomes.scores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.ingest.IngestStage;
import org.staffoutcomes.ingest.LakeRows;
import org.staffoutcomes.lake.Lake;
import org.staffoutcomes.sample.SampleGenerator;
import org.staffoutcomes.sample.SampleOptions;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.CatalogLoader;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.schema.QuestionCatalogue;
import org.staffoutcomes.testing.SparkTestBase;

/**
 * One generated survey in two shapes: the respondent microdata, and the response distributions
 * counted from them (each year coded by its own mapping: renumbered items, reverse-scored items,
 * not-answered and not-applicable codes). Unweighted, every item's mean, percent positive and
 * base must agree exactly: both shapes go through the same canonical mapping and the same
 * arithmetic, so any difference is a mapping or counting error.
 */
class SurveyShapesAgreementTest extends SparkTestBase {

  @TempDir static Path work;
  static Map<String, Row> microdata = new HashMap<>();
  static Map<String, Row> distributions = new HashMap<>();
  /** Per shape, the scores computed in the driver (plain Java over the lake's part files). */
  static Map<String, java.util.List<Row>> inDriver = new HashMap<>();
  static Map<String, java.util.List<Row>> bySpark = new HashMap<>();
  static QuestionCatalogue questions;
  static Lake lake;
  static DatasetDescriptor microdataDescriptor;

  @BeforeAll
  static void scoreBothShapes() {
    Path landing = work.resolve("landing");
    SampleGenerator.generate(landing, new SampleOptions(SampleOptions.DEFAULT_SEED, 20, 2016, 2022, 0.05));
    Catalog sample = CatalogLoader.load("sample", Path.of("data-schemas"));
    lake = new Lake(spark, work);
    microdataDescriptor = sample.dataset("staff_microdata").orElseThrow();
    for (String name : new String[] {"staff_microdata", "staff_survey_responses"}) {
      DatasetDescriptor d = sample.dataset(name).orElseThrow();
      IngestStage stage = new IngestStage(spark, lake, 1L << 30);
      stage.run(d, landing.toUri().toString(), false);
      java.util.List<Row> scores = ScoreStage.scores(spark, d, lake, lake.raw(name));
      bySpark.put(name, scores.stream().sorted(java.util.Comparator.comparing(Row::toString)).toList());
      inDriver.put(name, ScoreStage.scoresInDriver(d, lake, lake.raw(name)).stream().sorted(java.util.Comparator.comparing(Row::toString)).toList());
      Map<String, Row> into = name.equals("staff_microdata") ? microdata : distributions;
      scores.forEach(r -> into.put(r.getAs("org_code") + " " + r.getAs(LakeRows.YEAR), r));
      questions = d.survey().catalogue();
    }
  }

  /**
   * Microdata gathered by many more tasks than part files (as a table 16 times national volume
   * is) give the same scores to the last bit: each organisation-year's respondents are sorted
   * before they are summed, wherever they were gathered.
   */
  @Test
  void microdataScoresDoNotDependOnHowManyTasksGatherThem() {
    String table = lake.raw("staff_microdata");
    org.staffoutcomes.lake.PartFileRows.Listing listing = org.staffoutcomes.lake.PartFileRows.listing(table, lake.files());
    java.util.List<String> files = listing.files();
    long bytes = listing.bytes();
    long taskBytes = bytes / 23;
    assertTrue(ScoreStage.gatherTasks(files.size(), bytes, taskBytes) > 2 * files.size(),
        "more tasks than files: " + files.size() + " files, " + bytes + " bytes");
    assertEquals(files.size(), ScoreStage.gatherTasks(files.size(), bytes, ScoreStage.GATHER_TASK_BYTES),
        "a small table: one task per file");
    java.util.List<Row> manyTasks = ScoreStage.scores(spark, microdataDescriptor, lake, table, taskBytes).stream()
        .sorted(java.util.Comparator.comparing(Row::toString)).toList();
    assertEquals(bySpark.get("staff_microdata"), manyTasks);
  }

  @Test
  void bothShapesHaveTheSameOrganisationYears() {
    assertEquals(microdata.keySet(), distributions.keySet());
    assertTrue(microdata.keySet().stream().anyMatch(k -> k.endsWith(" 2017")), "a 1-5 year (2017) is covered");
    assertTrue(microdata.keySet().stream().anyMatch(k -> k.endsWith(" 2022")), "a renumbered year (2022) is covered");
    assertTrue(microdata.size() >= 60, "organisation-years: " + microdata.size());
  }

  @Test
  void everyItemAgreesExactlyUnweighted() {
    long compared = 0;
    for (Map.Entry<String, Row> e : microdata.entrySet()) {
      Row m = e.getValue();
      Row d = distributions.get(e.getKey());
      for (QuestionCatalogue.Item item : questions.items()) {
        String c = item.column();
        String where = e.getKey() + " " + item.id();
        assertEquals((Object) d.getAs(c), m.getAs(c + "_unweighted"), where + " mean");
        assertEquals((Object) d.getAs(c + "_positive"), m.getAs(c + "_positive_unweighted"), where + " % positive");
        Long dBase = d.getAs(c + "_base");
        Long mBase = m.getAs(c + "_base");
        assertEquals(dBase == null ? 0L : dBase, mBase, where + " base");
        if (m.getAs(c + "_unweighted") != null) {
          compared++;
        }
      }
    }
    assertTrue(compared > 2500, "item results compared: " + compared);
  }

  /**
   * The Freedom to Speak Up index (the mean of four items' percentages agreeing) from the
   * respondent microdata, unweighted, equals the index from the published distributions counted
   * from them, to the last bit, for every trust-year, with the same base; it has a value in each
   * year 2016-2020 (the generator's years that ask all four items) and in no later year (one of its
   * items is not asked from 2021). The weighted index is the same function of the weighted items.
   */
  @Test
  void theFreedomToSpeakUpIndexFromMicrodataEqualsTheIndexFromDistributionsForEveryTrustYear() {
    java.util.Set<Integer> years = new java.util.TreeSet<>();
    int compared = 0;
    String[] items = {"errors_treated_fairly", "errors_encourages_reporting", "raising_concerns_know_how_to_report",
        "raising_concerns_secure_raising_unsafe_practice"};
    for (Map.Entry<String, Row> e : microdata.entrySet()) {
      Row m = e.getValue();
      Row d = distributions.get(e.getKey());
      Double fromMicrodata = m.getAs("ftsu_index_unweighted");
      Double fromDistributions = d.getAs("ftsu_index");
      assertEquals(fromDistributions, fromMicrodata, e.getKey() + " FTSU index");
      Long dBase = d.getAs("ftsu_index_base");
      assertEquals(dBase == null ? 0L : dBase, (Long) m.getAs("ftsu_index_base"), e.getKey() + " FTSU base");
      if (fromMicrodata == null) {
        continue;
      }
      compared++;
      years.add(m.getAs(LakeRows.YEAR));
      double sum = 0;
      double weighted = 0;
      long smallest = Long.MAX_VALUE;
      for (String item : items) {
        sum += d.<Double>getAs(item + "_positive");
        weighted += m.<Double>getAs(item + "_positive");
        smallest = Math.min(smallest, d.<Long>getAs(item + "_base"));
      }
      assertEquals(sum / 4, fromDistributions, 0.0, e.getKey() + ": the mean of the four % agreeing");
      assertEquals(weighted / 4, m.<Double>getAs("ftsu_index"), 0.0, e.getKey() + ": weighted");
      assertEquals(smallest, dBase, e.getKey() + ": base");
    }
    System.out.printf("FTSU index, microdata (unweighted) vs distributions: %d trust-years in %s, all equal%n",
        compared, years);
    assertEquals(java.util.Set.of(2016, 2017, 2018, 2019, 2020), years);
    assertTrue(compared >= 75, "trust-years with an index: " + compared);
  }

  /**
   * Theme scores are where the shapes part: a respondent's engagement averages the items that
   * respondent answered, while distributions can only average item means. With a few per cent of
   * answers missing the two stay close, never equal by construction.
   */
  @Test
  void themeScoresFromDistributionsStayCloseToTheRespondentMethod() {
    double largest = 0;
    int compared = 0;
    for (Map.Entry<String, Row> e : microdata.entrySet()) {
      Double fromRespondents = e.getValue().getAs("engagement_unweighted");
      Double fromDistributions = distributions.get(e.getKey()).getAs("engagement");
      if (fromRespondents != null && fromDistributions != null) {
        largest = Math.max(largest, Math.abs(fromRespondents - fromDistributions));
        compared++;
      }
    }
    System.out.printf("engagement, respondent method vs mean of item means: %d organisation-years, largest "
        + "difference %.4f%n", compared, largest);
    // every organisation-year of a year that maps the engagement items (2017, 2018, 2021, 2022)
    long engagementYears = microdata.values().stream().filter(r -> r.getAs("engagement_base") != null
        && r.<Long>getAs("engagement_base") > 0).count();
    assertTrue(compared == engagementYears && compared >= 60 && largest < 0.1,
        compared + " compared of " + engagementYears + ", largest " + largest);
  }

  /**
   * Scored in the driver (a small dataset, no Spark) or by Spark from the lake, both shapes give
   * the same rows, to the last bit: the same scorers, respondents sorted before summing.
   */
  @Test
  void scoresInTheDriverEqualSparksExactly() {
    for (String name : bySpark.keySet()) {
      assertTrue(bySpark.get(name).size() >= 60, name + ": " + bySpark.get(name).size());
      assertRowListsEqual(bySpark.get(name), inDriver.get(name), 0.0);
      assertEquals(bySpark.get(name).toString(), inDriver.get(name).toString(), name);
    }
    assertEquals(ScoreStage.schema(questionsDataset("staff_microdata")).size(), inDriver.get("staff_microdata").get(0).size());
  }

  private static DatasetDescriptor questionsDataset(String name) {
    return CatalogLoader.load("sample", Path.of("data-schemas")).dataset(name).orElseThrow();
  }

  @Test
  void weightingMovesScoresButNotBases() {
    java.util.List<Row> scored = microdata.values().stream().filter(r -> r.getAs("engagement") != null).toList();
    long moved = scored.stream().filter(r -> !r.getAs("engagement").equals(r.getAs("engagement_unweighted"))).count();
    assertTrue(scored.size() >= 60 && moved > scored.size() / 2,
        "weighted differs from unweighted in " + moved + " of " + scored.size());
  }
}
