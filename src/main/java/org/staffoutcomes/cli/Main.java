package org.staffoutcomes.cli;

import java.io.PrintWriter;
import org.staffoutcomes.config.Excerpt;
import org.staffoutcomes.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code staff-outcomes} command line: one subcommand per stage, and {@code run} for all. */
@Command(name = "staff-outcomes", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Links NHS Staff Survey results to trust outcomes: CSV -> Parquet lake -> panel -> "
        + "correlations and trends -> chart bundle.",
    subcommands = {
        GenerateSampleCommand.class, IngestCommand.class, PanelCommand.class, AnalyzeCommand.class,
        RenderCommand.class, RunCommand.class, DictionaryCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every stage finished",
        "1:internal error (a bug; --verbose prints the stack trace)",
        "2:wrong command line",
        "3:invalid or missing catalog / descriptor",
        "4:input file missing or unreadable as a whole",
        "5:a stage's input table is missing (run the earlier stage first)",
        "6:finished, but more rows quarantined than --max-quarantined-percent",
        "7:another command is running on the work folder (DIR/.lock names it); nothing done",
        "8:the work folder cannot be written (read-only, full, not a folder); nothing done",
        "9:a required dataset (e.g. organisations) kept no rows; not published",
        "10:a dataset or year with rows in the published bundle has none now",
        "11:rows for a year outside the catalog's years; not published"})
public final class Main {

  /** An error is one line of at most this many characters (control characters escaped). */
  static final int MESSAGE_CHARS = 1000;

  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs a command line with the given writers; returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(new ExitCodes());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      boolean verbose = parseResult.subcommand() != null
          && parseResult.subcommand().hasMatchedOption("--verbose");
      commandLine.getErr().println("error: " + Excerpt.of(message(e), MESSAGE_CHARS));
      if (verbose) {
        e.printStackTrace(commandLine.getErr());
      }
      commandLine.getErr().flush();
      return new ExitCodes().getExitCode(e);
    });
    return cli.execute(args);
  }

  /** The error line's text: the message, and for an internal error its type and root cause. */
  static String message(Throwable e) {
    if (new ExitCodes().getExitCode(e) != ExitCodes.INTERNAL) {
      return ExitCodes.deciding(e).getMessage();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage()
        + (root != e ? " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"staff-outcomes " + Settings.projectVersion()};
    }
  }
}
