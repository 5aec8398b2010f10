package org.staffoutcomes.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.config.Settings;
import org.staffoutcomes.ingest.IngestStage;
import org.staffoutcomes.lake.Lake;
import org.staffoutcomes.sample.SampleGenerator;
import org.staffoutcomes.sample.SampleOptions;
import org.staffoutcomes.scores.ScoreStage;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * {@code jobs/bench-microdata} stops unless DuckDB's scores equal the product's. Its SQL is
 * generated from the question catalogue, so a new kind of score (the percent scores of the
 * Freedom to Speak Up index and the bullying items) once made the benchmark fail at national
 * volume, long after the change: here both sides score a small sample with every kind of score,
 * years before and after the 2021 renumbering, and must agree.
 */
class MicrodataBenchmarkAgreementTest {

  @TempDir Path tmp;

  @Test
  void duckDbScoresEqualTheProductsOnASmallSample() throws Exception {
    Path landing = tmp.resolve("landing");
    SampleGenerator.generate(landing, new SampleOptions(SampleOptions.DEFAULT_SEED, 20, 2019, 2022, 0.05));
    DatasetDescriptor d = MicrodataBenchmark.microdata(Settings.schemasHome().resolve("sample"));

    Lake lake = new Lake(() -> {
      throw new AssertionError("a small dataset needs no Spark");
    }, tmp.resolve("work"));
    IngestStage ingest = new IngestStage(() -> {
      throw new AssertionError("a small dataset needs no Spark");
    }, lake, Long.MAX_VALUE);
    ingest.run(d, landing.toUri().toString(), false);
    lake.replace(lake.scores(d.name()), ScoreStage.scoresInDriver(d, lake, lake.raw(d.name())), ScoreStage.schema(d));

    Path duck = tmp.resolve("duckdb");
    MicrodataBenchmark.duckdb(d, landing, duck);
    assertTrue(MicrodataBenchmark.compare(d, Path.of(java.net.URI.create(lake.scores(d.name()))),
        duck.resolve("scores.parquet")), "DuckDB's scores differ from the product's (see the lines above)");
  }
}
