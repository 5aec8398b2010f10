package org.staffoutcomes.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.config.Workspace;
import org.staffoutcomes.ingest.IngestStage;
import org.staffoutcomes.ingest.LakeRows;
import org.staffoutcomes.lake.Lake;
import org.staffoutcomes.sample.SampleGenerator;
import org.staffoutcomes.sample.SampleOptions;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.CatalogLoader;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.testing.SparkTestBase;
import org.staffoutcomes.testing.SurveyCatalog;

/**
 * The bug 1: a run killed after the respondent microdata were ingested again but before
 * they were scored used to leave last night's scores for good (a trust dropped from the 2022 file
 * still counted). The next run must score again, because the scores' record names the ingest they
 * were computed from.
 */
class CrashBetweenIngestAndScoringTest extends SparkTestBase {

  @TempDir Path work;

  @Test
  void theNextRunScoresAgainWhatAKilledRunIngestedButDidNotScore() throws IOException {
    Path landing = work.resolve("landing");
    SampleGenerator.generate(landing, new SampleOptions(SampleOptions.DEFAULT_SEED, 20, 2019, 2022, 0.05));
    Catalog catalog = CatalogLoader.load(SurveyCatalog.write(work.resolve("schemas")));
    DatasetDescriptor microdata = catalog.dataset("staff_microdata").orElseThrow();
    Workspace workspace = new Workspace(work.resolve("work"));
    String input = landing.toUri().toString();

    // Last night: ingested and scored.
    Pipeline lastNight = pipeline(catalog, workspace, new StringWriter());
    lastNight.ingest(input, false);
    Lake lake = lastNight.lake();
    Path file = landing.resolve("staff-microdata/NSS2022_respondents.csv");
    List<String> lines = Files.readAllLines(file);
    String dropped = lines.get(1).split(",")[1];
    assertTrue(scored(lake, microdata, 2022).contains(dropped), "the trust is scored last night");

    // Tonight the 2022 file comes without that trust; the run ingests it and is killed before scoring.
    Files.write(file, lines.stream().filter(l -> !l.split(",")[1].equals(dropped)).toList());
    new IngestStage(spark, lake).run(microdata, input, false);

    // The next run: the microdata's ingest is current, their scores are not.
    StringWriter log = new StringWriter();
    pipeline(catalog, workspace, log).ingest(input, false);
    assertTrue(log.toString().lines().anyMatch(l -> l.startsWith("ingest staff_microdata")
        && l.contains("unchanged since last ingest")), log.toString());
    assertTrue(log.toString().lines().anyMatch(l -> l.startsWith("score  staff_microdata")), log.toString());
    assertFalse(scored(lake, microdata, 2022).contains(dropped), "tonight's scores, without the dropped trust");
    assertTrue(scored(lake, microdata, 2021).contains(dropped), "the other years are still scored");
  }

  private static Pipeline pipeline(Catalog catalog, Workspace workspace, StringWriter out) {
    return new Pipeline(spark, catalog, workspace, new PrintWriter(out, true));
  }

  private static Set<String> scored(Lake lake, DatasetDescriptor d, int year) {
    return lake.read(lake.scores(d.name())).filter(LakeRows.YEAR + " = " + year).select(d.organisation())
        .collectAsList().stream().map((Row r) -> r.getString(0)).collect(Collectors.toSet());
  }

}
