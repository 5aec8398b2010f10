package org.staffoutcomes.cli;

import java.io.PrintWriter;
import org.staffoutcomes.pipeline.Pipeline;
import picocli.CommandLine.Command;

@Command(name = "render", mixinStandardHelpOptions = true,
    description = "Draws the charts and writes a new bundle (index.html, manifest.json, charts/, data/) "
        + "under WORKDIR/bundles/, then points WORKDIR/bundles/latest at it. Prints the index.html path.")
final class RenderCommand extends StageCommand {

  @Override
  int run(Pipeline pipeline, PrintWriter out, PrintWriter err) {
    out.println(pipeline.render());
    return ExitCodes.OK;
  }
}
