package org.staffoutcomes.cli;

import java.io.PrintWriter;
import java.time.Instant;
import org.staffoutcomes.bundle.RenderStage;
import org.staffoutcomes.pipeline.Pipeline;
import org.staffoutcomes.schema.Catalog;
import picocli.CommandLine.Command;

@Command(name = "render", mixinStandardHelpOptions = true,
    description = "Draws the charts and writes a new bundle (index.html, manifest.json, charts/, data/) "
        + "under WORKDIR/bundles/, then points WORKDIR/bundles/latest at it. Prints the index.html path.")
final class RenderCommand extends StageCommand {

  /** Render reads the analysis tables and draws: it never needs Spark. */
  @Override
  Integer withoutSpark(Catalog catalog, PrintWriter out) {
    out.println(RenderStage.publish(catalog, common.workspace(), Instant.now(), out));
    return ExitCodes.OK;
  }

  @Override
  int run(Pipeline pipeline, PrintWriter out, PrintWriter err) {
    throw new IllegalStateException("render runs without Spark");
  }
}
