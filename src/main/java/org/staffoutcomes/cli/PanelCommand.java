package org.staffoutcomes.cli;

import java.io.PrintWriter;
import org.staffoutcomes.lake.LakePaths;
import org.staffoutcomes.panel.PanelStage;
import org.staffoutcomes.pipeline.Pipeline;
import org.staffoutcomes.schema.Catalog;
import picocli.CommandLine.Command;

@Command(name = "panel", mixinStandardHelpOptions = true,
    description = "Joins the ingested datasets into one row per organisation and survey year, outcomes "
        + "aligned by each descriptor's period rule, plus each outcome one year later.")
final class PanelCommand extends StageCommand {

  /** The panel is computed from trust-level lake tables in plain Java: it never needs Spark. */
  @Override
  Integer withoutSpark(Catalog catalog, PrintWriter out) {
    history.step("panel");
    PanelStage.run(catalog, new LakePaths(common.workspace().root()), out);
    return ExitCodes.OK;
  }

  @Override
  int run(Pipeline pipeline, PrintWriter out, PrintWriter err) {
    throw new IllegalStateException("panel runs without Spark");
  }
}
