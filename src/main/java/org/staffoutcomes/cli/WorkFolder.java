package org.staffoutcomes.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.IntSupplier;
import org.staffoutcomes.config.Excerpt;
import org.staffoutcomes.config.WorkLock;
import org.staffoutcomes.config.Workspace;
import org.staffoutcomes.pipeline.Leftovers;
import org.staffoutcomes.pipeline.RunHistory;

/**
 * How every command that writes to a work folder runs: it checks that the folder takes writes,
 * takes the folder's lock (or exits 7 naming the holder), puts right what a killed command left
 * ({@link Leftovers}, one warning line saying what), does its work, appends its line to
 * {@code DIR/history.jsonl} and releases the lock, whether the work ended well or not.
 */
final class WorkFolder {

  private WorkFolder() {}

  /**
   * Runs {@code work} holding the lock of {@code workspace}; returns its exit code.
   *
   * @param history the command's history line, or null for a command that keeps none
   */
  static int exclusively(Workspace workspace, String command, PrintWriter err, RunHistory history,
      IntSupplier work) {
    workspace.requireWritable();
    WorkLock lock;
    try {
      lock = WorkLock.acquire(workspace, command, err);
    } catch (WorkLock.HeldException e) {
      if (history != null) {
        history.locked();
      }
      record(workspace, history, ExitCodes.LOCKED, e, err);
      throw e;
    }
    int code = ExitCodes.INTERNAL;
    Throwable failure = null;
    try {
      cleanLeftovers(workspace, err, history);
      code = work.getAsInt();
      return code;
    } catch (RuntimeException | Error e) {
      failure = e;
      code = new ExitCodes().getExitCode(e);
      throw e;
    } finally {
      record(workspace, history, code, failure, err);
      try {
        lock.close();
      } catch (UncheckedIOException e) {
        err.println("warning: " + e.getMessage());
      }
    }
  }

  /** Under the lock, before any work: puts right what a killed command left; says so in one line. */
  private static void cleanLeftovers(Workspace workspace, PrintWriter err, RunHistory history) {
    Leftovers.Report report = Leftovers.clean(workspace.root());
    if (!report.isEmpty()) {
      err.println("warning: " + report.describe());
      err.flush();
      if (history != null) {
        history.leftovers(report.describe());
      }
    }
  }

  private static void record(Workspace workspace, RunHistory history, int code, Throwable failure, PrintWriter err) {
    if (history == null) {
      return;
    }
    try {
      history.append(workspace, code, failure == null ? null : Excerpt.of(Main.message(failure), Main.MESSAGE_CHARS));
    } catch (IOException | RuntimeException e) {
      err.println("warning: cannot append to " + workspace.history() + ": " + e.getMessage());
      err.flush();
    }
  }
}
