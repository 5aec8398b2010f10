package org.staffoutcomes.cli;

import org.staffoutcomes.config.WorkFolderException;
import org.staffoutcomes.config.WorkLock;
import org.staffoutcomes.ingest.IngestException;
import org.staffoutcomes.lake.LakeException;
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
  /** The run finished but more rows were quarantined than --max-quarantined-percent allows. */
  public static final int QUARANTINE_THRESHOLD = 6;
  /** Another command works on the work folder (its DIR/.lock names it): nothing was done. */
  public static final int LOCKED = 7;
  /** The work folder cannot be written (read-only, full, not a folder): nothing was done. */
  public static final int WORK_FOLDER = 8;

  @Override
  public int getExitCode(Throwable t) {
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
