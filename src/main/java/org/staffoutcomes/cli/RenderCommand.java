package org.staffoutcomes.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.staffoutcomes.pipeline.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "render", mixinStandardHelpOptions = true,
    description = "Draws the charts and writes a new bundle (index.html, manifest.json, charts/, data/) "
        + "under WORKDIR/bundles/, then points WORKDIR/bundles/latest at it. Prints the index.html path.")
final class RenderCommand implements Callable<Integer> {

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (SparkSessions.Handle session = common.spark()) {
      SparkSession spark = session.spark();
      var out = spec.commandLine().getOut();
      out.println(common.pipeline(spark, out).render());
      out.flush();
      return ExitCodes.OK;
    }
  }
}
