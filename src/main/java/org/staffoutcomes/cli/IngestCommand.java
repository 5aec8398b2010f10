package org.staffoutcomes.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.staffoutcomes.pipeline.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Reads every dataset of the catalog from the input folder, validates it against its "
        + "descriptor and writes it to the lake (rejected lines to the quarantine).")
final class IngestCommand implements Callable<Integer> {

  @Mixin CommonOptions common;
  @Mixin IngestOptions ingest;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (SparkSessions.Handle session = common.spark()) {
      SparkSession spark = session.spark();
      var reports = common.pipeline(spark, spec.commandLine().getOut()).ingest(ingest.inputDir(common), ingest.force);
      return ingest.checkQuarantine(reports, spec.commandLine().getErr());
    }
  }
}
