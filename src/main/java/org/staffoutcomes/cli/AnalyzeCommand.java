package org.staffoutcomes.cli;

import java.io.PrintWriter;
import org.staffoutcomes.pipeline.Pipeline;
import picocli.CommandLine.Command;

@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Computes Pearson and Spearman correlations of every staff measure with every outcome "
        + "(lag 0 and 1, per year and pooled, overall and per trust type), the trends of every measure, "
        + "and the shares of ordinal outcomes per quintile of the headline measure.")
final class AnalyzeCommand extends StageCommand {

  @Override
  int run(Pipeline pipeline, PrintWriter out, PrintWriter err) {
    pipeline.analyze();
    return ExitCodes.OK;
  }
}
