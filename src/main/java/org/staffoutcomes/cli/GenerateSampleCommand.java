package org.staffoutcomes.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.staffoutcomes.config.Workspace;
import org.staffoutcomes.sample.SampleGenerator;
import org.staffoutcomes.sample.SampleOptions;
import org.staffoutcomes.sample.SampleSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate-sample", mixinStandardHelpOptions = true,
    description = "Writes a deterministic synthetic national landing area into WORKDIR/landing in the "
        + "published layouts of data-schemas/sample/ (organisations, staff survey, SHMI, sickness absence, "
        + "respondent microdata and response distributions, inpatient survey, Friends and Family Test, infections, A&E, RTT, finance, CQC ratings), with the "
        + "planted relationships in landing/truth.json. Synthetic: not real NHS figures.")
final class GenerateSampleCommand implements Callable<Integer> {

  @Option(names = "--workdir", required = true, paramLabel = "DIR", description = "Work folder.")
  Path workdir;

  @Option(names = "--seed", defaultValue = "" + SampleOptions.DEFAULT_SEED, description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--organisations", defaultValue = "230", description = "Number of organisations (default: ${DEFAULT-VALUE}).")
  int organisations;

  @Option(names = "--first-year", defaultValue = "2012", description = "First survey year (default: ${DEFAULT-VALUE}).")
  int firstYear;

  @Option(names = "--last-year", defaultValue = "2024", description = "Last survey year (default: ${DEFAULT-VALUE}).")
  int lastYear;

  @Option(names = "--microdata-share", defaultValue = "" + SampleOptions.DEFAULT_MICRODATA_SHARE, paramLabel = "SHARE",
      description = "Share (0-1) of each organisation's survey respondents written as respondent microdata, in "
          + "the years data-schemas/questions maps (default: ${DEFAULT-VALUE}; 0 writes none; 1 is full volume, "
          + "about 2.8 million rows).")
  double microdataShare;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    SampleOptions options = options(spec, () -> new SampleOptions(seed, organisations, firstYear, lastYear,
        microdataShare));
    Workspace workspace = new Workspace(workdir);
    return WorkFolder.exclusively(workspace, spec.name(), spec.commandLine().getErr(), null, () -> {
      generate(workspace, options, spec);
      return ExitCodes.OK;
    });
  }

  /** Sample options from the command line; an impossible value is a usage error (exit code 2). */
  static SampleOptions options(CommandSpec spec, java.util.function.Supplier<SampleOptions> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  static SampleSummary generate(Workspace workspace, SampleOptions options, CommandSpec spec) {
    long t0 = System.nanoTime();
    SampleSummary summary = SampleGenerator.generate(workspace.landing(), options);
    var out = spec.commandLine().getOut();
    for (var d : summary.datasets()) {
      out.printf("sample %-20s %3d files %,9d rows%n", d.dataset(), d.files(), d.rows());
    }
    out.printf("sample written to %s (seed %d, %.1f s)%n", workspace.landing(), options.seed(),
        (System.nanoTime() - t0) / 1e9);
    out.flush();
    return summary;
  }
}
