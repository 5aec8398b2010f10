package org.staffoutcomes.cli;

import java.io.PrintWriter;
import org.staffoutcomes.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Reads every dataset of the catalog from the input folder, validates it against its "
        + "descriptor and writes it to the lake (rejected lines to the quarantine).")
final class IngestCommand extends StageCommand {

  @Mixin IngestOptions ingest;

  @Override
  int run(Pipeline pipeline, PrintWriter out, PrintWriter err) {
    return ingest.checkQuarantine(pipeline.ingest(ingest.inputDir(common), ingest.force), err);
  }
}
