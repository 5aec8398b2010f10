package org.staffoutcomes.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.lake.LakePaths;
import org.staffoutcomes.lake.SmallTables;
import org.staffoutcomes.lake.TableLayout;
import org.staffoutcomes.lake.TableRecord;

/**
 * What a killed run leaves in a work folder is put right by the next: a table swap cut short is
 * undone or finished so that every table is whole, and staging folders, half-written records and
 * unpublished bundles are removed, with one line saying what.
 */
class LeftoversTest {

  @TempDir Path work;

  private static final TableLayout LAYOUT = TableLayout.builder().string("org_code").integer("year").build();

  private Path dir(String relative) throws IOException {
    return Files.createDirectories(work.resolve(relative));
  }

  private Path file(String relative, String text) throws IOException {
    Path p = work.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  private List<String> codes(String table) {
    return SmallTables.read(table).stream().map((TableRecord r) -> r.string("org_code") + r.integer("year")).toList();
  }

  /** Killed between moving the old table aside and moving the new one in, before the new one was complete. */
  @Test
  void aSwapCutShortBeforeTheNewTableWasCompleteRestoresTheOldTable() throws IOException {
    LakePaths lake = new LakePaths(work);
    SmallTables.write(lake.panel(), LAYOUT, List.<Object[]>of(new Object[] {"RA1", 2023}));
    Files.move(work.resolve("lake/panel"), work.resolve("lake/panel.old"));
    file("lake/panel.staging/part-00000.snappy.parquet", "half written");

    Leftovers.Report report = Leftovers.clean(work);

    assertEquals(List.of("RA1" + 2023), codes(lake.panel()), "the old table is whole again");
    assertFalse(Files.exists(work.resolve("lake/panel.old")));
    assertFalse(Files.exists(work.resolve("lake/panel.staging")));
    assertEquals(List.of("lake/panel (from lake/panel.old)"), report.restored());
    assertEquals(List.of("lake/panel.staging"), report.removed());
  }

  /** Killed between the two renames, the new table complete: the swap is finished. */
  @Test
  void aSwapCutShortAfterTheNewTableWasCompleteIsFinished() throws IOException {
    LakePaths lake = new LakePaths(work);
    String table = lake.analysis("correlations");
    SmallTables.write(table, LAYOUT, List.<Object[]>of(new Object[] {"OLD", 2022}));
    Files.move(work.resolve("lake/analysis/correlations"), work.resolve("lake/analysis/correlations.old"));
    SmallTables.write(lake.analysis("scratch"), LAYOUT, List.<Object[]>of(new Object[] {"NEW", 2024}));
    Files.move(work.resolve("lake/analysis/scratch"), work.resolve("lake/analysis/correlations.staging"));

    Leftovers.Report report = Leftovers.clean(work);

    assertEquals(List.of("NEW" + 2024), codes(table));
    assertFalse(Files.exists(work.resolve("lake/analysis/correlations.old")));
    assertFalse(Files.exists(work.resolve("lake/analysis/correlations.staging")));
    assertEquals(List.of("lake/analysis/correlations (swap finished from lake/analysis/correlations.staging)"),
        report.restored());
    assertEquals(List.of("lake/analysis/correlations.old"), report.removed());
  }

  /** Killed after the new table was in place, before the old one was deleted. */
  @Test
  void aFinishedSwapLosesOnlyItsOldFolder() throws IOException {
    LakePaths lake = new LakePaths(work);
    SmallTables.write(lake.raw("shmi"), LAYOUT, List.<Object[]>of(new Object[] {"NEW", 2024}));
    file("lake/raw/shmi.old/year=2023/part-00000.snappy.parquet", "old rows");

    Leftovers.Report report = Leftovers.clean(work);

    assertEquals(List.of("NEW" + 2024), codes(lake.raw("shmi")));
    assertFalse(Files.exists(work.resolve("lake/raw/shmi.old")));
    assertEquals(List.of(), report.restored());
    assertEquals(List.of("lake/raw/shmi.old"), report.removed());
  }

  @Test
  void stagingFoldersAndHalfWrittenRecordsAreRemovedAndNothingElse() throws IOException {
    file("lake/raw/hcai/year=2020/part-0.parquet", "rows");
    file("lake/raw/hcai.staging/_temporary/0/part-0.parquet", "rows being written");
    file("lake/quarantine/hcai.staging/part-0.parquet", "rows being written");
    file("lake/scores/staff_microdata.staging/part-0.parquet", "rows being written");
    file("lake/_state/hcai.json", "{}");
    file("lake/_state/shmi.json.tmp", "{\"data");
    file("lake/_state/.shmi.json.tmp.crc", "crc");
    file("lake/_state/stages/panel.json", "{}");
    file("lake/_state/stages/render.json.tmp", "{");
    file("lake/_state/run.json.tmp", "{");
    file(".write-check-123.tmp", "");

    Leftovers.Report report = Leftovers.clean(work);

    assertEquals(List.of("lake/quarantine/hcai.staging", "lake/raw/hcai.staging", "lake/scores/staff_microdata.staging",
        "lake/_state/.shmi.json.tmp.crc", "lake/_state/run.json.tmp", "lake/_state/shmi.json.tmp",
        "lake/_state/stages/render.json.tmp", ".write-check-123.tmp"), report.removed());
    assertTrue(Files.isRegularFile(work.resolve("lake/raw/hcai/year=2020/part-0.parquet")));
    assertTrue(Files.isRegularFile(work.resolve("lake/_state/hcai.json")));
    assertTrue(Files.isRegularFile(work.resolve("lake/_state/stages/panel.json")));
    assertEquals("an interrupted run left its work unfinished: removed lake/quarantine/hcai.staging, "
        + "lake/raw/hcai.staging, lake/scores/staff_microdata.staging, lake/_state/.shmi.json.tmp.crc, "
        + "lake/_state/run.json.tmp, lake/_state/shmi.json.tmp, lake/_state/stages/render.json.tmp, "
        + ".write-check-123.tmp", report.describe());
  }

  @Test
  void unpublishedBundlesAndLinksBeingSwitchedAreRemovedAndAMovedAsideBundleRestored() throws IOException {
    file("bundles/20261201T020000Z/index.html", "published");
    Files.createSymbolicLink(work.resolve("bundles/latest"), Path.of("20261201T020000Z"));
    file("bundles/.20261202T020000Z.tmp/data/correlations.csv", "being written");
    Files.createSymbolicLink(work.resolve("bundles/.latest.0a1b.tmp"), Path.of("20261201T020000Z"));
    file("bundles/.20261130T020000Z.old/index.html", "moved aside");

    Leftovers.Report report = Leftovers.clean(work);

    assertEquals(List.of("bundles/20261130T020000Z (from bundles/.20261130T020000Z.old)"), report.restored());
    assertEquals(List.of("bundles/.20261202T020000Z.tmp", "bundles/.latest.0a1b.tmp"), report.removed());
    assertEquals("published", Files.readString(work.resolve("bundles/latest/index.html")));
    assertEquals("moved aside", Files.readString(work.resolve("bundles/20261130T020000Z/index.html")));
  }

  @Test
  void aCleanWorkFolderIsLeftAlone() throws IOException {
    LakePaths lake = new LakePaths(work);
    SmallTables.write(lake.panel(), LAYOUT, List.<Object[]>of(new Object[] {"RA1", 2023}));
    dir("bundles");
    assertTrue(Leftovers.clean(work).isEmpty());
    assertTrue(Leftovers.clean(work.resolve("not-made-yet")).isEmpty());
    assertEquals(List.of("RA1" + 2023), codes(lake.panel()));
  }
}
