package org.staffoutcomes.cli;

import java.io.PrintWriter;
import java.time.Instant;
import org.staffoutcomes.bundle.RenderStage;
import org.staffoutcomes.pipeline.Pipeline;
import org.staffoutcomes.schema.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "render", mixinStandardHelpOptions = true,
    description = "Draws the charts and writes a new bundle (index.html, manifest.json, charts/, data/) "
        + "under WORKDIR/bundles/, then points WORKDIR/bundles/latest at it when the publish checks pass "
        + "(exit 9, 10 or 11 otherwise). Prints the index.html path.")
final class RenderCommand extends StageCommand {

  @Mixin PublishOptions publish;

  @Override
  void checkOptions() {
    publish.check(spec);
  }

  /** Render reads the analysis tables and draws: it never needs Spark. */
  @Override
  Integer withoutSpark(Catalog catalog, PrintWriter out) {
    history.step("render");
    RenderStage.Rendered rendered = RenderStage.render(catalog, common.workspace(), Instant.now(), out, null,
        publish.publishAnyway);
    history.checked(rendered);
    int code = publish.report(rendered, spec.commandLine().getErr());
    if (code == ExitCodes.OK) {
      publish.prune(common.workspace(), out, spec.commandLine().getErr(), history);
    }
    out.println(rendered.index());
    return code;
  }

  @Override
  int run(Pipeline pipeline, PrintWriter out, PrintWriter err) {
    throw new IllegalStateException("render runs without Spark");
  }
}
