package org.staffoutcomes.charts;

import java.util.Objects;

/**
 * A break in a trend series, e.g. a change of survey questions or scale. The trend chart draws a
 * vertical dashed line between {@code year - 1} and {@code year} (so the values from {@code year}
 * on lie to its right) and writes {@code label} next to it.
 *
 * @param year first survey year after the break
 * @param label short text for the chart, e.g. {@code "2018: new scale"}
 */
public record YearMarker(int year, String label) {

  public YearMarker {
    Objects.requireNonNull(label, "label");
  }
}
