package org.staffoutcomes.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.staffoutcomes.bundle.BundleWriter;
import org.staffoutcomes.bundle.RenderStage;
import org.staffoutcomes.config.Workspace;
import org.staffoutcomes.pipeline.RunHistory;
import org.staffoutcomes.publish.FailedCheck;
import org.staffoutcomes.publish.Verdict;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Options of the commands that publish a bundle (render and run). */
final class PublishOptions {

  @Option(names = "--keep-bundles", defaultValue = "30", paramLabel = "N",
      description = "After a publish that exits 0, remove all but the newest N bundles under WORKDIR/bundles/ "
          + "(never the one 'latest' points to; default: ${DEFAULT-VALUE}).")
  int keepBundles;

  @Option(names = "--publish-anyway",
      description = "Publish the bundle (point WORKDIR/bundles/latest at it) and exit 0 even when a publish check "
          + "fails; the manifest and the index page record which checks failed.")
  boolean publishAnyway;

  /** A usage error (exit code 2) for an impossible value, before any work. */
  void check(CommandSpec spec) {
    if (keepBundles < 1) {
      throw new ParameterException(spec.commandLine(), "--keep-bundles must be at least 1, was " + keepBundles);
    }
  }

  /**
   * Says why a rendered bundle was not published, one line on {@code err} per failed check (a
   * warning with --publish-anyway); returns the exit code: 0 when it was published, else that of
   * the first failed check.
   */
  int report(RenderStage.Rendered rendered, PrintWriter err) {
    Verdict verdict = rendered.verdict();
    for (FailedCheck f : verdict.failed()) {
      err.println((verdict.publishes() ? "warning: published anyway (--publish-anyway): " : "error: not published: ")
          + f.message());
    }
    err.flush();
    return verdict.publishes() ? ExitCodes.OK : ExitCodes.of(verdict.first());
  }

  /**
   * Removes the old bundles; says so on {@code out} when there were any. A bundle that cannot be
   * removed is a warning on {@code err}: the new bundle is published all the same.
   */
  void prune(Workspace workspace, PrintWriter out, PrintWriter err, RunHistory history) {
    try {
      List<String> removed = new BundleWriter(workspace.bundles()).prune(keepBundles);
      history.pruned(removed);
      if (!removed.isEmpty()) {
        out.printf("prune  removed %d old bundle(s), keeping the newest %d: %s%n", removed.size(), keepBundles,
            String.join(", ", removed));
      }
    } catch (IOException e) {
      err.println("warning: cannot remove old bundles under " + workspace.bundles() + ": " + e);
      err.flush();
    }
  }
}
