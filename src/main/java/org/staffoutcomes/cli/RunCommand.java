package org.staffoutcomes.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.staffoutcomes.bundle.RenderStage;
import org.staffoutcomes.ingest.InputFiles;
import org.staffoutcomes.lake.LocalFiles;
import org.staffoutcomes.pipeline.Pipeline;
import org.staffoutcomes.pipeline.RunRecord;
import org.staffoutcomes.schema.Catalog;
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
  @Mixin PublishOptions publish;

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

  /** What this run is computed from (set before Spark starts). */
  private String fingerprint;
  /** The input folder as listed and hashed for {@link #fingerprint}; ingest reads the same hashes. */
  private InputFiles.Listing listing;

  /**
   * Nothing to do when the inputs, descriptors, catalog and version are those of the bundle that
   * is published: says so, prints that bundle's index.html and starts no Spark (unless --force).
   */
  @Override
  Integer withoutSpark(Catalog catalog, PrintWriter out) {
    long t0 = System.nanoTime();
    listing = InputFiles.list(ingest.inputDir(common), LocalFiles.configuration());
    fingerprint = RunRecord.fingerprint(catalog, listing);
    Optional<RunRecord> last = RunRecord.current(common.workspace());
    if (!ingest.force && last.isPresent() && last.get().fingerprint().equals(fingerprint)) {
      out.printf("run    nothing changed since bundle %s (inputs, descriptors, catalog and version as then): "
          + "nothing to do (%.1f s)%n", last.get().bundle(), (System.nanoTime() - t0) / 1e9);
      out.println(common.workspace().bundles().resolve(last.get().bundle()).resolve("index.html"));
      history.nothingChanged(last.get().bundle());
      return ExitCodes.OK;
    }
    RunRecord.clear(common.workspace());
    return null;
  }

  @Override
  int run(Pipeline pipeline, PrintWriter out, PrintWriter err) {
    pipeline.reusingFinishedStages(!ingest.force);
    pipeline.ingest(ingest.inputDir(common), listing, ingest.force);
    pipeline.panel();
    pipeline.analyze();
    RenderStage.Rendered rendered = pipeline.render(ingest.maxQuarantinedPercent, publish.publishAnyway);
    int code = publish.report(rendered, err);
    if (code == ExitCodes.OK) {
      new RunRecord(fingerprint, rendered.runId()).write(common.workspace());
      publish.prune(common.workspace(), out, err, history);
    }
    out.println(rendered.index());
    return code;
  }

  @Override
  void checkOptions() {
    publish.check(spec);
  }

  /** With --sample, the sample is generated and the catalog chosen before Spark starts. */
  @Override
  void beforeSpark() {
    if (sample) {
      if (ingest.input != null) {
        throw new ParameterException(spec.commandLine(), "--sample and --input cannot be combined");
      }
      common.catalog = "sample";
      history.step("generate-sample");
      GenerateSampleCommand.generate(common.workspace(), GenerateSampleCommand.options(spec,
          () -> SampleOptions.defaults().withSeed(seed).withMicrodataShare(microdataShare)), spec);
    }
  }
}
