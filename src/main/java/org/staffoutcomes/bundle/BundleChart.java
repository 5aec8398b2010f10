package org.staffoutcomes.bundle;

import java.util.Objects;

/**
 * A chart on the index page. Paths are relative to the bundle folder, with {@code /}.
 *
 * @param png e.g. {@code charts/trend_engagement.png}; null for a chart drawn as SVG only
 * @param svg the same chart as SVG, e.g. {@code charts/trend_engagement.svg} (what the page shows)
 * @param csv the numbers behind the chart, e.g. {@code data/trend_engagement.csv}
 */
public record BundleChart(Section section, String title, String caption, String altText,
    String png, String svg, String csv) {

  public BundleChart {
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(altText, "altText");
    Objects.requireNonNull(svg, "svg");
    Objects.requireNonNull(csv, "csv");
  }
}
