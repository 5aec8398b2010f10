package org.staffoutcomes.bundle;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.staffoutcomes.charts.RenderedChart;

/**
 * The bundle while it is being built (a hidden folder until it is published). Hands out file
 * names for charts and collects the charts for the index page, in the order added.
 *
 * <pre>{@code
 * folder.add(Section.TRENDS, TrendChart.write(info, rows, List.of(),
 *     folder.png("trend_engagement"), folder.csv("trend_engagement")));
 * }</pre>
 */
public final class BundleFolder {

  public static final String CHARTS = "charts";
  public static final String DATA = "data";
  static final Set<String> RESERVED_CSV = Set.of("correlations", "trends", "quarantine", "unknown_organisations");
  private static final Pattern STEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

  private final Path root;
  private final Set<String> issued = new HashSet<>();
  private final List<BundleChart> charts = new ArrayList<>();
  private final List<BundlePage> pages = new ArrayList<>();

  BundleFolder(Path root) {
    this.root = root;
  }

  /** The folder being built. */
  public Path root() {
    return root;
  }

  /** {@code charts/<stem>.png} (and its SVG, {@code charts/<stem>.svg}); each name can be handed out once. */
  public Path png(String stem) {
    issue(CHARTS + "/" + checkStem(stem) + ".svg");
    return issue(CHARTS + "/" + stem + ".png");
  }

  /** {@code charts/<stem>.svg} for a chart drawn as SVG only; each name can be handed out once. */
  public Path svg(String stem) {
    return issue(CHARTS + "/" + checkStem(stem) + ".svg");
  }

  /** {@code data/<stem>.csv}; not {@code correlations}, {@code trends} or {@code quarantine}. */
  public Path csv(String stem) {
    if (RESERVED_CSV.contains(checkStem(stem))) {
      throw new IllegalArgumentException("data/" + stem + ".csv is written by the bundle itself");
    }
    return issue(DATA + "/" + stem + ".csv");
  }

  /** Adds a chart written to paths from {@link #png} (or {@link #svg}) and {@link #csv}. */
  public BundleChart add(Section section, RenderedChart chart) {
    return add(new BundleChart(section, chart.title(), chart.caption(), chart.altText(),
        chart.png() == null ? null : relative(chart.png()), relative(chart.svg()), relative(chart.csv())));
  }

  /** Adds a chart whose files the caller has put into this folder. */
  public BundleChart add(BundleChart chart) {
    if (chart.png() != null) {
      requireFile(chart.png());
    }
    requireFile(chart.svg());
    requireFile(chart.csv());
    charts.add(chart);
    return chart;
  }

  List<BundleChart> charts() {
    return List.copyOf(charts);
  }

  /** Adds a page the caller has written into this folder, to be linked from the index page. */
  public BundlePage addPage(BundlePage page) {
    requireFile(page.href());
    pages.add(page);
    return page;
  }

  List<BundlePage> pages() {
    return List.copyOf(pages);
  }

  /** {@code charts/x.png} for a path inside the folder. */
  String relative(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path base = root.toAbsolutePath().normalize();
    if (!abs.startsWith(base)) {
      throw new IllegalArgumentException(file + " is not inside the bundle " + root);
    }
    return base.relativize(abs).toString().replace('\\', '/');
  }

  private void requireFile(String relative) {
    Path file = root.resolve(relative).normalize();
    if (relative.startsWith("/") || !file.startsWith(root.normalize())
        || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("chart file missing from the bundle: " + relative);
    }
  }

  private Path issue(String relative) {
    if (!issued.add(relative)) {
      throw new IllegalArgumentException("file name used twice in the bundle: " + relative);
    }
    return root.resolve(relative);
  }

  private static String checkStem(String stem) {
    if (!STEM.matcher(stem).matches()) {
      throw new IllegalArgumentException(
          "file name must be letters, digits, '.', '_' or '-': " + stem);
    }
    return stem;
  }
}
