package org.staffoutcomes.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.charts.RenderedChart;
import org.staffoutcomes.lake.UnitMemo;

/**
 * A chart is taken from an earlier bundle only when that bundle drew it from exactly the same
 * inputs into the same files and the files are still there; otherwise it is drawn.
 */
class ChartReuseTest {

  @TempDir Path bundles;
  private static final String CONTEXT = "catalog and version";
  private static final List<?> INPUTS = List.of("trend", 1.5, List.of(2019, 2020));
  private UnitMemo memo;

  /** Bundle {@code 20261201T020000Z} drew trend_engagement (PNG, SVG, CSV) from {@link #INPUTS}. */
  @BeforeEach
  void anEarlierBundle() throws IOException {
    BundleFolder earlier = folder("20261201T020000Z");
    ChartReuse first = new ChartReuse(UnitMemo.empty(), bundles, "20261201T020000Z", CONTEXT);
    List<Path> files = files(earlier);
    assertTrue(first.take(earlier, INPUTS, files).isEmpty(), "nothing to take from");
    for (Path f : files) {
      Files.writeString(f, "drawn " + f.getFileName());
    }
    first.record(earlier, files, new RenderedChart("Engagement", "A caption.", "Alt text.", files.get(0),
        files.get(1), files.get(2)));
    memo = first.memo();
  }

  @Test
  void theSameInputsTakeTheEarlierFilesAndTexts() throws IOException {
    BundleFolder next = folder("20261202T020000Z");
    ChartReuse reuse = new ChartReuse(memo, bundles, "20261202T020000Z", CONTEXT);
    List<Path> files = files(next);
    Optional<RenderedChart> taken = reuse.take(next, List.of("trend", 1.5, List.of(2019, 2020)), files);
    assertTrue(taken.isPresent());
    assertEquals("Engagement", taken.get().title());
    assertEquals("A caption.", taken.get().caption());
    assertEquals("Alt text.", taken.get().altText());
    assertEquals(files, List.of(taken.get().png(), taken.get().svg(), taken.get().csv()));
    assertEquals("drawn trend_engagement.svg", Files.readString(files.get(1)));
    assertEquals(1, reuse.taken());
    reuse.record(next, files, taken.get());
    assertEquals("20261202T020000Z", reuse.memo().units().get("charts/trend_engagement.png").get("bundle"),
        "the next run takes it from the new bundle");
  }

  @Test
  void otherInputsAnotherCatalogOrVersionOrAGoneBundleAreDrawn() throws IOException {
    BundleFolder next = folder("20261202T020000Z");
    assertFalse(new ChartReuse(memo, bundles, "x", CONTEXT).take(next, List.of("trend", 1.6, List.of(2019, 2020)),
        files(next)).isPresent(), "another value");
    assertFalse(new ChartReuse(memo, bundles, "x", "another catalog").take(next, INPUTS, files(next)).isPresent());
    assertFalse(new ChartReuse(UnitMemo.empty(), bundles, "x", CONTEXT).take(next, INPUTS, files(next)).isPresent(),
        "no memo");
    Files.delete(bundles.resolve("20261201T020000Z/charts/trend_engagement.svg")); // a pruned bundle
    assertFalse(new ChartReuse(memo, bundles, "x", CONTEXT).take(next, INPUTS, files(next)).isPresent());
    assertFalse(Files.exists(next.root().resolve("charts/trend_engagement.png")), "nothing linked in half");
  }

  private BundleFolder folder(String runId) throws IOException {
    Path root = bundles.resolve(runId);
    Files.createDirectories(root.resolve("charts"));
    Files.createDirectories(root.resolve("data"));
    return new BundleFolder(root);
  }

  private static List<Path> files(BundleFolder folder) {
    Path png = folder.root().resolve("charts/trend_engagement.png");
    return List.of(png, folder.root().resolve("charts/trend_engagement.svg"),
        folder.root().resolve("data/trend_engagement.csv"));
  }
}
