package org.staffoutcomes.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.staffoutcomes.pipeline.Pipeline;
import org.staffoutcomes.pipeline.RunHistory;
import org.staffoutcomes.pipeline.LazySpark;
import org.staffoutcomes.schema.Catalog;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that runs stages of the pipeline on one Spark session, started when a stage first
 * needs it (closed if it opened it), holding the work folder's lock and leaving a line in its history (see {@link WorkFolder}).
 */
abstract class StageCommand implements Callable<Integer> {

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  /** What the command did, appended to {@code DIR/history.jsonl} when it ends. */
  RunHistory history;

  @Override
  public final Integer call() {
    checkOptions();
    history = new RunHistory(spec.name(), Instant.now());
    return WorkFolder.exclusively(common.workspace(), spec.name(), spec.commandLine().getErr(), history, this::work);
  }

  private int work() {
    PrintWriter out = spec.commandLine().getOut();
    beforeSpark();
    Catalog catalog = common.loadCatalog(); // a bad descriptor fails here, before Spark starts
    Integer done = withoutSpark(catalog, out);
    if (done != null) {
      out.flush();
      return done;
    }
    try (LazySpark session = common.spark()) {
      Pipeline pipeline = new Pipeline(session, catalog, common.workspace(), out)
          .printingProfile(common.profile).recordingTo(history);
      int code = run(pipeline, out, spec.commandLine().getErr());
      out.flush();
      return code;
    }
  }

  /** Checks option values that picocli cannot (a usage error, exit code 2), before anything else. */
  void checkOptions() {}

  /** Work that needs no Spark session, done before one is opened. */
  void beforeSpark() {}

  /** Finishes the command without starting Spark when it can (its exit code), else null. */
  Integer withoutSpark(Catalog catalog, PrintWriter out) {
    return null;
  }

  /** Runs the command's stages; returns the exit code. */
  abstract int run(Pipeline pipeline, PrintWriter out, PrintWriter err);
}
