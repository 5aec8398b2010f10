package org.staffoutcomes.bundle;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.staffoutcomes.charts.RenderedChart;
import org.staffoutcomes.config.Settings;
import org.staffoutcomes.lake.UnitMemo;
import org.staffoutcomes.schema.CanonicalJson;
import org.staffoutcomes.schema.Catalog;

/**
 * Charts taken from an earlier bundle instead of being drawn again: a chart is a function of the
 * values it is drawn from (its measure, rows, markers and texts, listed by the caller), the files it
 * is drawn into, the catalog and the project version. When an earlier bundle drew a chart from
 * exactly the same, its files are linked into the new bundle (hard links: a bundle's files are
 * never written again once it is placed; a copy where links cannot be made) and its title, caption
 * and alternative text are the recorded ones.
 *
 * <p>The memo ({@link UnitMemo}, {@code lake/_state/stages/render-units.json}) names, for each
 * chart, the digest of its inputs, its texts, its files and the bundle that holds them. It is
 * written after a bundle is in place; a chart whose earlier files are gone (a pruned bundle) is
 * drawn again.
 */
final class ChartReuse {

  private static final String BUNDLE = "bundle";
  private static final String TITLE = "title";
  private static final String CAPTION = "caption";
  private static final String ALT = "alt";
  private static final String FILES = "files";

  private final UnitMemo last;
  private final UnitMemo next = UnitMemo.empty();
  private final Path bundles;
  private final String runId;
  private final String global;
  /** Each chart's key, from {@link #take} (on the drawing threads) for {@link #record} (on the caller's). */
  private final Map<String, String> keys = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * @param last the memo of the last render (empty: every chart is drawn)
   * @param bundles the folder holding every bundle
   * @param runId the name the bundle being built will have there
   * @param context what every chart depends on besides its own inputs ({@link #context(Catalog)})
   */
  ChartReuse(UnitMemo last, Path bundles, String runId, String context) {
    this.last = last;
    this.bundles = bundles;
    this.runId = runId;
    this.global = context;
  }

  /** What every chart is drawn with besides its own inputs: the project version and the catalog. */
  static String context(Catalog catalog) {
    return new UnitMemo.Digest().text(Settings.projectVersion())
        .text(new String(CanonicalJson.of(catalog), java.nio.charset.StandardCharsets.UTF_8)).hex();
  }

  /**
   * Safe to call from several threads at once (each chart's files are its own).
   *
   * <p>The chart drawn from {@code inputs} into {@code files} (paths inside {@code folder}, the
   * bundle being built), with its files linked in from the bundle that drew it, when one did and
   * they are all still there; empty otherwise (the caller draws it). The first file names the chart.
   *
   * @param inputs every value the chart is drawn from; records and lists of them (their text is digested)
   */
  Optional<RenderedChart> take(BundleFolder folder, List<?> inputs, List<Path> files) {
    List<String> names = files.stream().map(folder::relative).toList();
    UnitMemo.Digest d = new UnitMemo.Digest().text(global).text(String.valueOf(inputs));
    names.forEach(d::text);
    String key = d.hex();
    String unit = names.get(0);
    keys.put(unit, key);
    Optional<Map<String, String>> same = last.same(unit, key);
    if (same.isEmpty() || !String.join("\n", names).equals(same.get().get(FILES))) {
      return Optional.empty();
    }
    Path from = bundles.resolve(same.get().get(BUNDLE));
    if (!names.stream().allMatch(n -> Files.isRegularFile(from.resolve(n), LinkOption.NOFOLLOW_LINKS))) {
      return Optional.empty();
    }
    try {
      for (int i = 0; i < files.size(); i++) {
        Path source = from.resolve(names.get(i));
        try {
          Files.createLink(files.get(i), source);
        } catch (FileSystemException | UnsupportedOperationException noLink) {
          Files.copy(source, files.get(i));
        }
      }
    } catch (IOException e) {
      return Optional.empty(); // drawn again, which is always safe
    }
    taken.incrementAndGet();
    Map<String, String> v = same.get();
    RenderedChart chart = new RenderedChart(v.get(TITLE), v.get(CAPTION), v.get(ALT), file(folder, v.get("png")),
        folder.root().resolve(v.get("svg")), folder.root().resolve(v.get("csv")));
    return Optional.of(chart);
  }

  private static Path file(BundleFolder folder, String relative) {
    return relative == null || relative.isEmpty() ? null : folder.root().resolve(relative);
  }

  /** Records a chart of the new bundle (drawn or taken), listed with {@link #take} before. */
  void record(BundleFolder folder, List<Path> files, RenderedChart chart) {
    List<String> names = files.stream().map(folder::relative).toList();
    String unit = names.get(0);
    Map<String, String> v = new HashMap<>();
    v.put(UnitMemo.KEY, keys.get(unit));
    v.put(BUNDLE, runId);
    v.put(FILES, String.join("\n", names));
    v.put(TITLE, chart.title());
    v.put(CAPTION, chart.caption());
    v.put(ALT, chart.altText());
    v.put("png", chart.png() == null ? "" : folder.relative(chart.png()));
    v.put("svg", folder.relative(chart.svg()));
    v.put("csv", folder.relative(chart.csv()));
    next.put(unit, v);
  }

  /** How many charts were taken from an earlier bundle. */
  int taken() {
    return taken.get();
  }

  /** The memo of the new bundle's charts. */
  UnitMemo memo() {
    return next;
  }
}
