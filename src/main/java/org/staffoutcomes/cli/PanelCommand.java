package org.staffoutcomes.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.staffoutcomes.pipeline.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "panel", mixinStandardHelpOptions = true,
    description = "Joins the ingested datasets into one row per organisation and survey year, outcomes "
        + "aligned by each descriptor's period rule, plus each outcome one year later.")
final class PanelCommand implements Callable<Integer> {

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (SparkSessions.Handle session = common.spark()) {
      SparkSession spark = session.spark();
      common.pipeline(spark, spec.commandLine().getOut()).panel();
      return ExitCodes.OK;
    }
  }
}
