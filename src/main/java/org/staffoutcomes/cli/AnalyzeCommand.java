package org.staffoutcomes.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.staffoutcomes.pipeline.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Computes Pearson and Spearman correlations of every staff measure with every outcome "
        + "(lag 0 and 1, per year and pooled, overall and per trust type) and the trends of every measure.")
final class AnalyzeCommand implements Callable<Integer> {

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (SparkSessions.Handle session = common.spark()) {
      SparkSession spark = session.spark();
      common.pipeline(spark, spec.commandLine().getOut()).analyze();
      return ExitCodes.OK;
    }
  }
}
