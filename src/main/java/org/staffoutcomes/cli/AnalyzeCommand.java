package org.staffoutcomes.cli;

import java.io.PrintWriter;
import org.staffoutcomes.analysis.AnalysisStage;
import org.staffoutcomes.lake.LakePaths;
import org.staffoutcomes.pipeline.Pipeline;
import org.staffoutcomes.schema.Catalog;
import picocli.CommandLine.Command;

@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Computes Pearson and Spearman correlations of every staff measure with every outcome "
        + "(lag 0 and 1, per year and pooled, overall and per trust type), the trends of every measure, "
        + "and the shares of ordinal outcomes per quintile of the headline measure.")
final class AnalyzeCommand extends StageCommand {

  /** The analysis reads the panel and computes on the driver: it never needs Spark. */
  @Override
  Integer withoutSpark(Catalog catalog, PrintWriter out) {
    history.step("analyze");
    AnalysisStage.run(catalog, new LakePaths(common.workspace().root()), out);
    return ExitCodes.OK;
  }

  @Override
  int run(Pipeline pipeline, PrintWriter out, PrintWriter err) {
    throw new IllegalStateException("analyze runs without Spark");
  }
}
