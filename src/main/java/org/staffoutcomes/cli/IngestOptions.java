package org.staffoutcomes.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.staffoutcomes.ingest.DatasetReport;
import org.staffoutcomes.publish.FailedCheck;
import org.staffoutcomes.publish.PublishChecks;
import picocli.CommandLine.Option;

/** Options of the ingest step (ingest and run). */
final class IngestOptions {

  @Option(names = "--input", paramLabel = "DIR",
      description = "Folder holding the input files (default: WORKDIR/landing).")
  Path input;

  @Option(names = "--force", description = "Re-ingest datasets even if their descriptor and files are unchanged.")
  boolean force;

  @Option(names = "--max-quarantined-percent", defaultValue = "5", paramLabel = "PCT",
      description = "Exit with code 6 when a dataset quarantines more than this share of its rows; run then "
          + "does not publish its bundle (default: ${DEFAULT-VALUE}).")
  double maxQuarantinedPercent;

  String inputDir(CommonOptions common) {
    Path dir = input != null ? input : common.workspace().landing();
    return dir.toAbsolutePath().normalize().toUri().toString();
  }

  /** Warns about every dataset over the threshold; returns the exit code. */
  int checkQuarantine(List<DatasetReport> reports, PrintWriter err) {
    int code = ExitCodes.OK;
    for (DatasetReport r : reports) {
      Optional<FailedCheck> failed = PublishChecks.quarantine(r, maxQuarantinedPercent);
      if (failed.isPresent()) {
        err.println("warning: " + failed.get().message());
        code = ExitCodes.QUARANTINE_THRESHOLD;
      }
    }
    err.flush();
    return code;
  }
}
