package org.staffoutcomes.panel;

import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.schema.MeasureSpec;
import org.staffoutcomes.schema.ScaleChange;

/**
 * A measure's inputs on one lake row, as its group's sums read them: a ratio's numerator and
 * denominator (where both are present), else its value (rescaled or kept to its part of a scale
 * change) and base. Pure functions.
 */
final class RowValues {

  /** One row's inputs of one measure (null for missing). */
  record Inputs(Double value, Double base, Double numerator, Double denominator) {}

  private RowValues() {}

  static Inputs of(DatasetDescriptor d, MeasureSpec m, SourceRow row, int surveyYear) {
    if (m.isRatio()) {
      Double num = SourceRow.asDouble(row.value(m.numerator()));
      Double den = SourceRow.asDouble(row.value(m.denominator()));
      boolean both = row.value(m.numerator()) != null && row.value(m.denominator()) != null;
      return new Inputs(null, null, both ? num : null, both ? den : null);
    }
    Double v = value(d, m, row);
    ScaleChange c = m.scaleChange();
    if (c != null && c.separate()) {
      boolean inPart = c.earlier() ? surveyYear < c.year() : surveyYear >= c.year();
      v = inPart ? v : null;
    } else if (c != null && v != null && surveyYear < c.year()) {
      v = c.to().get(0) + (v - c.from().get(0)) * c.slope();
    }
    return new Inputs(v, m.base() == null ? null : SourceRow.asDouble(row.value(m.base())), null, null);
  }

  /**
   * A measure's value on one row: its column, the score of its distribution (divided by the row's
   * own total of percentages, which rounding keeps from being exactly 100), or the mean of other
   * measures' row values; missing when any part is missing.
   */
  static Double value(DatasetDescriptor d, MeasureSpec m, SourceRow row) {
    if (m.value() != null) {
      return SourceRow.asDouble(row.value(m.value()));
    }
    if (m.distribution() != null) {
      double weighted = 0.0;
      double total = 0.0;
      for (int i = 0; i < m.distribution().columns().size(); i++) {
        Double share = SourceRow.asDouble(row.value(m.distribution().columns().get(i)));
        if (share == null) {
          return null;
        }
        weighted = weighted + share * m.distribution().scores().get(i);
        total = total + share;
      }
      return total > 0 ? weighted / total : null;
    }
    if (m.meanOf().isEmpty()) {
      return null;
    }
    double sum = 0.0;
    for (String part : m.meanOf()) {
      MeasureSpec other = d.measures().stream().filter(o -> o.name().equals(part)).findFirst().orElseThrow();
      Double v = value(d, other, row);
      if (v == null) {
        return null;
      }
      sum = sum + v;
    }
    return sum / m.meanOf().size();
  }
}
