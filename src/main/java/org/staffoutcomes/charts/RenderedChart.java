package org.staffoutcomes.charts;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A chart that has been written: the SVG (and the PNG, where one was drawn), the CSV holding
 * exactly the records it was drawn from, and the texts an index page needs.
 *
 * @param title the chart's title, as drawn on the image
 * @param caption one or more plain sentences for a figure caption
 * @param altText plain text describing the image for screen readers
 * @param png the PNG file written, or null when the chart was drawn as SVG only
 * @param svg the SVG file written
 * @param csv the CSV file holding its numbers ("numbers behind this chart")
 */
public record RenderedChart(String title, String caption, String altText, Path png, Path svg, Path csv) {

  public RenderedChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(altText, "altText");
    Objects.requireNonNull(svg, "svg");
    Objects.requireNonNull(csv, "csv");
  }
}
