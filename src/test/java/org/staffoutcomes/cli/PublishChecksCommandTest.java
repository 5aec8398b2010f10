package org.staffoutcomes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.testing.SparkTestBase;
import org.staffoutcomes.testing.StageFixture;

/**
 * Publish only what is whole: each publish check triggered by a small change to the stage tests'
 * files, with its exit code and message, {@code bundles/latest} left on the last good bundle, the
 * failed run's bundle kept under its id saying why, and {@code --publish-anyway} recorded.
 */
class PublishChecksCommandTest extends SparkTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;
  private Path landing;
  private Path catalog;

  /** The stage catalog with a year range, and its files with one organisation no reference knows. */
  @BeforeEach
  void files() throws IOException {
    catalog = work.resolve("catalog");
    Files.createDirectories(catalog);
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/stage-catalog"))) {
      for (Path f : files.toList()) {
        Files.copy(f, catalog.resolve(f.getFileName()));
      }
    }
    Files.writeString(catalog.resolve("catalog.yaml"), "years: {from: 2015, to: 2025}\n",
        java.nio.file.StandardOpenOption.APPEND);
    landing = StageFixture.write(work.resolve("in"));
    Files.writeString(landing.resolve("staff/staff_2019.csv"), "RZZ,2019,6.0,500,Acute 2019\n",
        java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(landing.resolve("experience_2019.csv"), "RZZ,6.5\n", java.nio.file.StandardOpenOption.APPEND);
  }

  /** A run allowing the stage files' two bad staff lines (2 of 8) to be quarantined. */
  private CommandLineTest.Result run(String... extra) {
    return runAllowing("50", extra);
  }

  private CommandLineTest.Result runAllowing(String maxQuarantinedPercent, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("run", "--workdir", work.resolve("w").toString(),
        "--catalog", catalog.toString(), "--input", landing.toString(), "--max-quarantined-percent",
        maxQuarantinedPercent));
    args.addAll(List.of(extra));
    return CommandLineTest.run(args.toArray(String[]::new));
  }

  private String latest() throws IOException {
    return Files.readSymbolicLink(work.resolve("w/bundles/latest")).toString();
  }

  private JsonNode manifest(String bundle) throws IOException {
    return JSON.readTree(work.resolve("w/bundles").resolve(bundle).resolve("manifest.json").toFile());
  }

  private JsonNode lastHistoryLine() throws IOException {
    List<String> lines = Files.readAllLines(work.resolve("w/history.jsonl"));
    return JSON.readTree(lines.get(lines.size() - 1));
  }

  /** The run id of a kept bundle, from the index path printed last. */
  private static String bundleOf(CommandLineTest.Result r) {
    List<String> lines = r.out().lines().toList();
    return Path.of(lines.get(lines.size() - 1)).getParent().getFileName().toString();
  }

  /** Asserts the run failed with {@code code}, left latest on {@code good} and kept its bundle saying why. */
  private String assertNotPublished(CommandLineTest.Result r, int code, String good, String check) throws IOException {
    assertEquals(code, r.code(), r.err());
    assertEquals(good, latest(), "latest keeps pointing at the last good bundle");
    String kept = bundleOf(r);
    assertFalse(kept.equals(good));
    JsonNode publish = manifest(kept).get("publish");
    assertFalse(publish.get("published").asBoolean());
    assertFalse(publish.get("checks_passed").asBoolean());
    assertTrue(publish.get("failed_checks").findValuesAsText("check").contains(check), publish.toString());
    assertTrue(Files.readString(work.resolve("w/bundles").resolve(kept).resolve("index.html"))
        .contains("Not published: checks failed"));
    assertFalse(Files.exists(work.resolve("w/lake/_state/run.json")), "no record of a published run");
    JsonNode history = lastHistoryLine();
    assertEquals("failed", history.get("outcome").asText());
    assertEquals(code, history.get("exit_code").asInt());
    assertEquals(kept, history.get("unpublished").asText());
    assertTrue(history.get("published").isNull());
    assertTrue(history.get("checks_failed").findValuesAsText("check").contains(check), history.toString());
    return kept;
  }

  @Test
  void eachFailedCheckKeepsTheLastGoodBundleAndSaysWhy() throws IOException {
    CommandLineTest.Result good = run();
    assertEquals(0, good.code(), good.err());
    String first = latest();
    JsonNode rows = manifest(first).get("datasets");
    assertEquals(1, rows.findValues("years").get(3).get("2020").asInt(), "experience: one row for 2020: " + rows);
    assertTrue(manifest(first).get("publish").get("checks_passed").asBoolean());

    // A yearly file renamed so that the pattern misses it: that year vanished.
    Files.move(landing.resolve("experience_2020.csv"), landing.resolve("experience-2020.csv"));
    CommandLineTest.Result vanished = run();
    assertNotPublished(vanished, 10, first, "keep_years");
    assertTrue(vanished.err().contains("error: not published: experience: year 2020 (1 row) had rows in the published"
        + " bundle " + first + " and has none now (are its files still matched by 'experience_(?<year>\\d{4})\\.csv'?"),
        vanished.err());
    assertEquals(1, vanished.err().lines().filter(l -> l.startsWith("error:")).count(), vanished.err());
    Files.move(landing.resolve("experience-2020.csv"), landing.resolve("experience_2020.csv"));

    // A file for 2099.
    Files.writeString(landing.resolve("staff/staff_2099.csv"), "code,year,engagement,base,group\nRAA,2099,7.0,100,x\n");
    CommandLineTest.Result future = run();
    assertNotPublished(future, 11, first, "year_range");
    assertTrue(future.err().contains("error: not published: staff has rows for 2099 (1 row, from staff/staff_2099.csv),"
        + " outside the catalog's years 2015-2025"), future.err());
    Files.delete(landing.resolve("staff/staff_2099.csv"));

    // A header-only organisations file: exit 9 first, and the vanished rows said too.
    Files.writeString(landing.resolve("orgs.csv"), "code,name,type,group\n");
    CommandLineTest.Result empty = run();
    assertNotPublished(empty, 9, first, "not_empty");
    assertTrue(empty.err().contains("error: not published: orgs kept no rows (orgs.csv: 0 rows read, 0 quarantined)"),
        empty.err());
    assertTrue(empty.err().contains("error: not published: orgs had 3 rows in the published bundle " + first),
        empty.err());

    // --publish-anyway: published, exit 0, and the manifest and the page say which checks failed.
    CommandLineTest.Result anyway = run("--publish-anyway");
    assertEquals(0, anyway.code(), anyway.err());
    String forced = latest();
    assertEquals(bundleOf(anyway), forced);
    JsonNode publish = manifest(forced).get("publish");
    assertTrue(publish.get("published").asBoolean());
    assertTrue(publish.get("published_anyway").asBoolean());
    assertEquals(List.of("not_empty", "keep_years"), publish.get("failed_checks").findValuesAsText("check"));
    assertTrue(anyway.err().contains("warning: published anyway (--publish-anyway): orgs kept no rows"), anyway.err());
    assertTrue(Files.readString(work.resolve("w/bundles").resolve(forced).resolve("index.html"))
        .contains("Published anyway (--publish-anyway) although checks failed"));
    assertTrue(lastHistoryLine().get("published_anyway").asBoolean());
    assertEquals("published", lastHistoryLine().get("outcome").asText());
  }

  @Test
  void quarantineOverTheLimitIsExitCode6AndPublishesNothing() throws IOException {
    CommandLineTest.Result good = run();
    assertEquals(0, good.code(), good.err());
    String first = latest();
    Files.writeString(landing.resolve("absence.csv"), "2021-04,RBB,x,100\n", java.nio.file.StandardOpenOption.APPEND);
    CommandLineTest.Result r = runAllowing("16.5");
    assertNotPublished(r, 6, first, "max_quarantined_percent");
    assertTrue(r.err().contains("error: not published: absence quarantined 17% of its rows (1 of 6), more than the 16.5%"
        + " --max-quarantined-percent allows"), r.err());
    assertTrue(r.err().contains("error: not published: staff quarantined 25% of its rows (2 of 8)"), r.err());
  }

  /** An organisation in neither reference: kept in the lake, left out of every figure, listed. */
  @Test
  void anUnknownOrganisationIsListedAndLeftOutOfTheFigures() throws IOException {
    CommandLineTest.Result r = run();
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("analyze left out 1 organisation code(s) that no reference knows: RZZ"), r.out());
    Path bundle = work.resolve("w/bundles/latest");
    assertEquals(List.of("org_code,datasets,survey_years,organisation_years", "RZZ,staff;experience,2019,1"),
        Files.readAllLines(bundle.resolve("data/unknown_organisations.csv")));
    String index = Files.readString(bundle.resolve("index.html"));
    assertTrue(index.contains("Organisations not in the reference") && index.contains("<code>RZZ</code>"), index);
    try (Stream<Path> csvs = Files.list(bundle.resolve("data"))) {
      for (Path csv : csvs.toList()) {
        if (!csv.getFileName().toString().equals("unknown_organisations.csv")) {
          assertFalse(Files.readString(csv).contains("RZZ"), csv + " shows the unknown organisation");
        }
      }
    }
    List<String> engagement2019 = Files.readAllLines(bundle.resolve("data/trends.csv")).stream()
        .filter(l -> l.startsWith("engagement,") && l.split(",")[2].equals("2019")).toList();
    assertFalse(engagement2019.isEmpty());
    for (String l : engagement2019) {
      assertTrue(Integer.parseInt(l.split(",")[3]) <= 2, "RAA and RBB only: " + l);
    }
  }
}
