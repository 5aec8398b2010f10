package org.staffoutcomes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.testing.SparkTestBase;
import org.staffoutcomes.testing.StageFixture;

/** What a scheduler sees: documented exit codes and one-line errors, never a stack trace. */
class CommandLineTest extends SparkTestBase {

  @TempDir Path work;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"generate-sample", "ingest", "panel", "analyze", "render", "run", "dictionary"})
  void everyStageHasHelp(String command) {
    Result r = run(command, "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("Usage: staff-outcomes " + command), r.out());
  }

  @Test
  void topLevelHelpListsTheExitCodes() {
    Result r = run("--help");
    assertEquals(0, r.code());
    String help = r.out().replaceAll("[ \t]+", " ");
    assertTrue(help.contains("6 finished, but more rows quarantined than --max-quarantined-percent"), r.out());
    assertTrue(help.contains("7 another command is running on the work folder"), r.out());
    assertTrue(help.contains("8 the work folder cannot be written"), r.out());
    assertTrue(help.contains("9 a required dataset (e.g. organisations) kept no rows"), r.out());
    assertTrue(help.contains("10 a dataset or year with rows in the published bundle has none now"), r.out());
    assertTrue(help.contains("11 rows for a year outside the catalog's years"), r.out());
  }

  @Test
  void wrongCommandLineIsExitCode2() {
    Result r = run("panel", "--workdir", work.toString(), "--no-such-option");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Unknown option: '--no-such-option'"), r.err());
  }

  @Test
  void anImpossibleSampleOptionIsExitCode2() {
    Result r = run("generate-sample", "--workdir", work.toString(), "--microdata-share", "1.5");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("microdata share must be 0..1, was 1.5"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace");
  }

  @Test
  void unknownCatalogIsExitCode3WithOneLine() {
    Result r = run("panel", "--workdir", work.toString(), "--catalog", "no-such-catalog");
    assertEquals(3, r.code());
    assertTrue(r.err().startsWith("error: Cannot find catalog 'no-such-catalog'"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace");
  }

  @Test
  void missingInputIsExitCode4() {
    Result r = run("ingest", "--workdir", work.toString(), "--catalog", "src/test/resources/stage-catalog");
    assertEquals(4, r.code());
    assertTrue(r.err().startsWith("error: Cannot read input folder "), r.err());
  }

  @Test
  void aStageBeforeItsInputIsExitCode5() {
    Result r = run("analyze", "--workdir", work.toString());
    assertEquals(5, r.code());
    assertTrue(r.err().contains("has not been written yet (run the earlier stage first)"), r.err());
  }

  @Test
  void tooManyQuarantinedRowsIsExitCode6AfterTheWorkIsDone() throws IOException {
    Path landing = StageFixture.write(work.resolve("in"));
    Result r = run("ingest", "--workdir", work.toString(), "--catalog", "src/test/resources/stage-catalog",
        "--input", landing.toString(), "--max-quarantined-percent", "10");
    assertEquals(6, r.code(), r.err());
    assertTrue(r.out().contains("ingest staff"), r.out());
    assertTrue(r.err().contains("warning: staff quarantined 29% of its rows (2 of 7), more than the 10%"
        + " --max-quarantined-percent allows"), r.err());
  }

  @Test
  void profilePrintsEachStepsSparkWork() throws IOException {
    Path landing = StageFixture.write(work.resolve("in"));
    Result r = run("ingest", "--workdir", work.toString(), "--catalog", "src/test/resources/stage-catalog",
        "--input", landing.toString(), "--max-quarantined-percent", "50", "--profile");
    assertEquals(0, r.code(), r.err());
    // Small datasets are parsed and written in the driver: Spark is never started.
    assertTrue(r.out().lines().filter(l -> l.startsWith("  profile ")).allMatch(l -> l.endsWith("; Spark not started")),
        r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("  profile ingest staff +wall [0-9.]+ s; Spark not started")),
        r.out());

    // Above the driver limit, executors parse the files: the step's Spark jobs and executor time.
    System.setProperty(org.staffoutcomes.config.Settings.DRIVER_PARSE_BYTES_PROPERTY, "0");
    try {
      Result large = run("ingest", "--workdir", work.toString(), "--catalog", "src/test/resources/stage-catalog",
          "--input", landing.toString(), "--max-quarantined-percent", "50", "--profile", "--force");
      assertEquals(0, large.code(), large.err());
      assertTrue(large.out().lines().anyMatch(
          l -> l.matches("  profile ingest staff +wall [0-9.]+ s; [1-9][0-9]* jobs, .*executor time .*")), large.out());
    } finally {
      System.clearProperty(org.staffoutcomes.config.Settings.DRIVER_PARSE_BYTES_PROPERTY);
    }
  }

  /** The bundle's quarantine.csv lists every rejected line of every dataset, in catalog then file and line order. */
  @Test
  void theBundleListsEveryQuarantinedLine() throws IOException {
    Path landing = StageFixture.write(work.resolve("in"));
    Result r = run("run", "--workdir", work.toString(), "--catalog", "src/test/resources/stage-catalog",
        "--input", landing.toString());
    assertEquals(6, r.code(), r.err());
    assertFalse(Files.exists(work.resolve("bundles/latest")), "over the quarantine limit: nothing published");
    List<String> out = r.out().lines().toList();
    Path bundle = Path.of(out.get(out.size() - 1)).getParent(); // kept under its run id
    List<String> lines = Files.readAllLines(bundle.resolve("data/quarantine.csv"));
    assertEquals("dataset,source_file,source_line,raw,reason", lines.get(0));
    assertEquals(3, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(1).startsWith("staff,staff/staff_2019.csv,4,"), lines.get(1));
    assertTrue(lines.get(2).startsWith("staff,staff/staff_2020.csv,4,") && lines.get(2).contains("duplicate key"),
        lines.get(2));
    assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(bundle.resolve("data/quarantine.csv"))), "readable by the group");
  }
}
