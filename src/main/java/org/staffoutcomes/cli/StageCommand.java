package org.staffoutcomes.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.staffoutcomes.pipeline.Pipeline;
import org.staffoutcomes.pipeline.SparkSessions;
import org.staffoutcomes.schema.Catalog;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that runs stages of the pipeline on one Spark session (closed if it opened it). */
abstract class StageCommand implements Callable<Integer> {

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Override
  public final Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    beforeSpark();
    Catalog catalog = common.loadCatalog(); // a bad descriptor fails here, before Spark starts
    Integer done = withoutSpark(catalog, out);
    if (done != null) {
      out.flush();
      return done;
    }
    try (SparkSessions.Handle session = common.spark()) {
      Pipeline pipeline = new Pipeline(session.spark(), catalog, common.workspace(), out)
          .printingProfile(common.profile);
      int code = run(pipeline, out, spec.commandLine().getErr());
      out.flush();
      return code;
    }
  }

  /** Work that needs no Spark session, done before one is opened. */
  void beforeSpark() {}

  /** Finishes the command without starting Spark when it can (its exit code), else null. */
  Integer withoutSpark(Catalog catalog, PrintWriter out) {
    return null;
  }

  /** Runs the command's stages; returns the exit code. */
  abstract int run(Pipeline pipeline, PrintWriter out, PrintWriter err);
}
