package org.staffoutcomes.scores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.config.Workspace;
import org.staffoutcomes.ingest.IngestException;
import org.staffoutcomes.pipeline.Pipeline;
import org.staffoutcomes.sample.SampleGenerator;
import org.staffoutcomes.sample.SampleOptions;
import org.staffoutcomes.schema.CatalogLoader;
import org.staffoutcomes.testing.SparkTestBase;
import org.staffoutcomes.testing.SurveyCatalog;

/**
 * A new survey year needs one mapping file and the data, nothing else: a catalog whose question
 * catalogue stops at 2021 refuses a 2022 microdata file with a message saying which mapping to
 * add; once {@code years/2022.yaml} is added (the 2022 numbering: advocacy moved from q21 to q23)
 * the same catalog scores 2022 and the panel has it.
 */
class NewSurveyYearTest extends SparkTestBase {

  private static final String ADVOCACY_2022 = "q23c";

  @TempDir Path work;

  @Test
  void aNewYearIsAMappingFileAndItsData() throws IOException {
    Path generated = work.resolve("generated");
    SampleGenerator.generate(generated, new SampleOptions(SampleOptions.DEFAULT_SEED, 20, 2016, 2022, 0.05));
    // The schemas of the data team: the sample's descriptors and a question catalogue without 2022.
    Path schemas = work.resolve("schemas");
    SurveyCatalog.write(schemas);
    Files.delete(schemas.resolve("questions/years/2022.yaml"));
    // Their landing area holds the years up to 2021.
    Path landing = work.resolve("landing");
    SurveyCatalog.copyTree(generated, landing);
    Path file2022 = landing.resolve("staff-microdata/NSS2022_respondents.csv");
    Files.delete(file2022);
    assertTrue(Files.readString(generated.resolve("staff-microdata/NSS2022_respondents.csv")).lines().findFirst()
        .orElseThrow().contains(ADVOCACY_2022), "the 2022 file uses the 2022 numbering");

    Workspace workspace = new Workspace(work.resolve("work"));
    assertEquals(List.of(2017, 2018, 2021), yearsScored(schemas, workspace, landing));

    // The 2022 data arrive before anyone has mapped 2022: refused, saying what to add.
    Files.copy(generated.resolve("staff-microdata/NSS2022_respondents.csv"), file2022);
    IngestException refused = assertThrows(IngestException.class, () -> yearsScored(schemas, workspace, landing));
    assertTrue(refused.getMessage().contains("staff-microdata/NSS2022_respondents.csv: no question mapping for survey "
        + "year 2022") && refused.getMessage().contains("add years/2022.yaml"), refused.getMessage());

    // The mapping file is added: no code, no descriptor changes.
    Files.copy(Path.of("data-schemas/questions/years/2022.yaml"), schemas.resolve("questions/years/2022.yaml"));
    assertEquals(List.of(2017, 2018, 2021, 2022), yearsScored(schemas, workspace, landing));
  }

  /** Ingests, scores and builds the panel; returns the years with microdata engagement in it. */
  private static List<Integer> yearsScored(Path schemas, Workspace workspace, Path landing) {
    Pipeline p = new Pipeline(spark, CatalogLoader.load(schemas.resolve("survey")), workspace,
        new PrintWriter(new StringWriter()));
    p.ingest(landing.toUri().toString(), false);
    p.panel();
    List<Row> rows = p.lake().read(p.lake().panel()).filter("engagement_respondents is not null")
        .select("survey_year").distinct().orderBy("survey_year").collectAsList();
    rows.forEach(r -> assertNotNull(r.get(0)));
    return rows.stream().map(r -> r.getInt(0)).toList();
  }

}
