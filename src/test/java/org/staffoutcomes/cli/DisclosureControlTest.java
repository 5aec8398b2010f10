package org.staffoutcomes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.lake.LakePaths;
import org.staffoutcomes.lake.SmallTables;
import org.staffoutcomes.lake.TableRecord;
import org.staffoutcomes.testing.BundleFiles;
import org.staffoutcomes.testing.SparkTestBase;
import org.staffoutcomes.testing.StageFixture;

/**
 * No published staff figure rests on fewer respondents than the disclosure threshold
 * ({@code analysis.min_respondents}, default 11). The stage files give RCC's 2020 engagement
 * score 5.5 on a base of 10: a whole run must leave it out of the panel and out of every CSV of
 * the bundle that has a row per organisation (scatter points, changes, positions, SPC points,
 * funnels, ...), while RAA's 2020 score of 7.2, on 1,100 respondents, is published.
 */
class DisclosureControlTest extends SparkTestBase {

  @TempDir Path work;

  @Test
  void aScoreOnTooFewRespondentsIsInNoPublishedFile() throws IOException {
    Path landing = StageFixture.write(work.resolve("in"));
    // RCC's 2020 patient experience, so that RCC 2020 has rows in the bundle (SPC points, ...).
    Files.writeString(landing.resolve("experience_2020.csv"), "RCC,7.5\n", java.nio.file.StandardOpenOption.APPEND);
    Path workdir = work.resolve("w");
    CommandLineTest.Result r = CommandLineTest.run("run", "--workdir", workdir.toString(), "--catalog",
        "src/test/resources/stage-catalog", "--input", landing.toString(), "--max-quarantined-percent", "50");
    assertEquals(0, r.code(), r.err());

    TableRecord rcc2020 = panelRow(workdir, "RCC", 2020);
    assertEquals(10L, ((Number) rcc2020.value("engagement_n")).longValue(), "the base is kept, to say why");
    assertTrue((Boolean) rcc2020.value("engagement_suppressed"));
    assertNull(rcc2020.value("engagement"), "the score itself is not in the panel");
    assertFalse((Boolean) panelRow(workdir, "RAA", 2020).value("engagement_suppressed"));

    Path bundle = workdir.resolve("bundles/latest").toRealPath();
    int rowsOfRcc2020 = 0;
    int cellsOfRaa2020 = 0;
    try (Stream<Path> files = Files.walk(bundle)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        List<String> header = BundleFiles.header(f);
        int org = header.indexOf("org_code");
        int year = header.contains("year") ? header.indexOf("year") : header.indexOf("survey_year");
        if (org < 0) {
          continue;
        }
        for (CSVRecord row : BundleFiles.csv(f)) {
          if (year >= 0 && !row.get(year).equals("2020")) {
            continue; // a file without a year (scatter points: the latest year) is scanned whole
          }
          if (row.get(org).equals("RCC")) {
            rowsOfRcc2020++;
            for (int i = 0; i < row.size(); i++) {
              assertFalse(equalsNumber(row.get(i), 5.5), bundle.relativize(f) + " line " + row.getRecordNumber()
                  + " column " + header.get(i) + " publishes RCC's 2020 score on 10 respondents: " + row);
            }
          } else if (row.get(org).equals("RAA")) {
            cellsOfRaa2020 += (int) row.stream().filter(c -> equalsNumber(c, 7.2)).count();
          }
        }
      }
    }
    assertTrue(rowsOfRcc2020 > 0, "RCC 2020 has rows in the bundle (its outcomes), so the scan saw them");
    assertTrue(cellsOfRaa2020 > 0, "RAA's 2020 score on 1,100 respondents is published, and the scan finds it");
  }

  private static boolean equalsNumber(String cell, double value) {
    try {
      return Double.parseDouble(cell) == value;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static TableRecord panelRow(Path workdir, String org, int year) {
    return SmallTables.read(new LakePaths(workdir).panel()).stream()
        .filter(t -> org.equals(t.string("org_code")) && ((Number) t.value("survey_year")).intValue() == year)
        .findFirst().orElseThrow(() -> new AssertionError("no panel row for " + org + " " + year));
  }
}
