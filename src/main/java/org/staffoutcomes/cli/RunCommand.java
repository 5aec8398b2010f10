package org.staffoutcomes.cli;

import java.io.PrintWriter;
import java.util.List;
import org.staffoutcomes.ingest.DatasetReport;
import org.staffoutcomes.pipeline.Pipeline;
import org.staffoutcomes.sample.SampleOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs every stage: (generate-sample,) ingest, panel, analyze, render. Prints the path of "
        + "the bundle's index.html last; WORKDIR/bundles/latest/ then holds the new bundle.")
final class RunCommand extends StageCommand {

  @Mixin IngestOptions ingest;

  @Option(names = "--sample",
      description = "Generate the synthetic sample into WORKDIR/landing first and analyse it with the 'sample' catalog.")
  boolean sample;

  @Option(names = "--seed", defaultValue = "" + SampleOptions.DEFAULT_SEED,
      description = "With --sample: the random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--microdata-share", defaultValue = "" + SampleOptions.DEFAULT_MICRODATA_SHARE, paramLabel = "SHARE",
      description = "With --sample: the share (0-1) of survey respondents written as respondent microdata "
          + "(default: ${DEFAULT-VALUE}; 0 writes none).")
  double microdataShare;

  @Override
  int run(Pipeline pipeline, PrintWriter out, PrintWriter err) {
    List<DatasetReport> reports = pipeline.ingest(ingest.inputDir(common), ingest.force);
    pipeline.panel();
    pipeline.analyze();
    out.println(pipeline.render());
    return ingest.checkQuarantine(reports, err);
  }

  /** With --sample, the sample is generated and the catalog chosen before Spark starts. */
  @Override
  void beforeSpark() {
    if (sample) {
      if (ingest.input != null) {
        throw new ParameterException(spec.commandLine(), "--sample and --input cannot be combined");
      }
      common.catalog = "sample";
      GenerateSampleCommand.generate(common.workspace(), GenerateSampleCommand.options(spec,
          () -> SampleOptions.defaults().withSeed(seed).withMicrodataShare(microdataShare)), spec);
    }
  }
}
