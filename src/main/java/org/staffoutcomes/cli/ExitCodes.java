package org.staffoutcomes.cli;

import org.staffoutcomes.config.WorkFolderException;
import org.staffoutcomes.config.WorkLock;
import org.staffoutcomes.ingest.IngestException;
import org.staffoutcomes.lake.LakeException;
import org.staffoutcomes.publish.PublishCheck;
import org.staffoutcomes.schema.DescriptorException;
import picocli.CommandLine;

/** The documented exit codes, and which failure maps to which. */
public final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {

  /** Every stage finished. */
  public static final int OK = 0;
  /** An unexpected internal error (a bug): the message and, with --verbose, the stack trace. */
  public static final int INTERNAL = 1;
  /** The command line was wrong. */
  public static final int USAGE = 2;
  /** A catalog or descriptor in data-schemas/ is invalid or missing. */
  public static final int CONFIGURATION = 3;
  /** An input file is missing or unreadable as a whole (e.g. its header lacks a declared column). */
  public static final int INPUT = 4;
  /** A stage ran before the stage it needs (its lake table is missing). */
  public static final int MISSING_STAGE = 5;
  /**
   * A dataset quarantined more of its rows than --max-quarantined-percent allows: the run's bundle
   * is kept under its run id and not published ({@code bundles/latest} is unchanged).
   */
  public static final int QUARANTINE_THRESHOLD = 6;
  /** Another command works on the work folder (its DIR/.lock names it): nothing was done. */
  public static final int LOCKED = 7;
  /** The work folder cannot be written (read-only, full, not a folder): nothing was done. */
  public static final int WORK_FOLDER = 8;
  /**
   * A dataset that must have rows (the organisations reference by default; descriptor key {@code
   * publish_checks.not_empty}) kept none, e.g. a header-only {@code organisations.csv}: the bundle
   * is kept under its run id and not published.
   */
  public static final int EMPTY_DATASET = 9;
  /**
   * A dataset, or a year of one, had rows in the published bundle and has none now (e.g. a yearly
   * file renamed so that the descriptor's pattern misses it): the bundle is not published.
   */
  public static final int VANISHED_ROWS = 10;
  /**
   * A dataset has rows for a year outside the catalog's {@code years} (e.g. a file for 2099): the
   * bundle is not published.
   */
  public static final int YEAR_OUT_OF_RANGE = 11;

  /** The exit code of a failed publish check. */
  public static int of(PublishCheck check) {
    return switch (check) {
      case NOT_EMPTY -> EMPTY_DATASET;
      case KEEP_YEARS -> VANISHED_ROWS;
      case YEAR_RANGE -> YEAR_OUT_OF_RANGE;
      case QUARANTINE -> QUARANTINE_THRESHOLD;
    };
  }

  /**
   * The error that decides the exit code: {@code t}, or the first error of a known kind among its
   * causes. An input error raised in a Spark task reaches the driver wrapped in Spark's job
   * failure; it is still an input error (exit 4), not an internal one.
   */
  static Throwable deciding(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (known(c) != INTERNAL) {
        return c;
      }
    }
    return t;
  }

  @Override
  public int getExitCode(Throwable t) {
    return known(deciding(t));
  }

  private static int known(Throwable t) {
    if (t instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    if (t instanceof DescriptorException) {
      return CONFIGURATION;
    }
    if (t instanceof IngestException) {
      return INPUT;
    }
    if (t instanceof LakeException) {
      return MISSING_STAGE;
    }
    if (t instanceof WorkLock.HeldException) {
      return LOCKED;
    }
    if (t instanceof WorkFolderException) {
      return WORK_FOLDER;
    }
    return INTERNAL;
  }
}
