package org.staffoutcomes.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.staffoutcomes.pipeline.SparkSessions;
import org.staffoutcomes.ingest.DatasetReport;
import org.staffoutcomes.pipeline.Pipeline;
import org.staffoutcomes.sample.SampleOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs every stage: (generate-sample,) ingest, panel, analyze, render. Prints the path of "
        + "the bundle's index.html last; WORKDIR/bundles/latest/ then holds the new bundle.")
final class RunCommand implements Callable<Integer> {

  @Mixin CommonOptions common;
  @Mixin IngestOptions ingest;

  @Option(names = "--sample",
      description = "Generate the synthetic sample into WORKDIR/landing first and analyse it with the 'sample' catalog.")
  boolean sample;

  @Option(names = "--seed", defaultValue = "" + SampleOptions.DEFAULT_SEED,
      description = "With --sample: the random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    if (sample) {
      if (ingest.input != null) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--sample and --input cannot be combined");
      }
      common.catalog = "sample";
      SampleOptions defaults = SampleOptions.defaults();
      GenerateSampleCommand.generate(common.workspace(), defaults.withSeed(seed), spec);
    }
    try (SparkSessions.Handle session = common.spark()) {
      SparkSession spark = session.spark();
      Pipeline pipeline = common.pipeline(spark, out);
      List<DatasetReport> reports = pipeline.ingest(ingest.inputDir(common), ingest.force);
      pipeline.panel();
      pipeline.analyze();
      Path index = pipeline.render();
      out.println(index);
      out.flush();
      return ingest.checkQuarantine(reports, spec.commandLine().getErr());
    }
  }
}
