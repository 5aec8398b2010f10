package org.staffoutcomes.cli;

import java.io.PrintWriter;
import org.staffoutcomes.pipeline.Pipeline;
import picocli.CommandLine.Command;

@Command(name = "panel", mixinStandardHelpOptions = true,
    description = "Joins the ingested datasets into one row per organisation and survey year, outcomes "
        + "aligned by each descriptor's period rule, plus each outcome one year later.")
final class PanelCommand extends StageCommand {

  @Override
  int run(Pipeline pipeline, PrintWriter out, PrintWriter err) {
    pipeline.panel();
    return ExitCodes.OK;
  }
}
