package org.staffoutcomes.panel;

import org.staffoutcomes.schema.MeasureSpec;

/**
 * One measure's rows in one organisation's survey year, reduced as they arrive: ratios from summed
 * counts, values with a base as base-weighted means, other values as plain means. Every sum is
 * an {@link OrderFreeSum}, so the result does not depend on the order of the rows.
 */
final class MeasureGroup {

  /** A measure's figures in one organisation-year (null for missing). */
  record Figures(Double value, Double base, Double numerator, Double denominator) {}

  private final MeasureSpec measure;
  private final OrderFreeSum values = new OrderFreeSum();
  private final OrderFreeSum bases = new OrderFreeSum();
  private final OrderFreeSum weighted = new OrderFreeSum();
  private final OrderFreeSum weights = new OrderFreeSum();
  /** The value of the last row with a value and a positive base (the only one, when there is one). */
  private Double weightedValue;
  private final OrderFreeSum numerators = new OrderFreeSum();
  private final OrderFreeSum denominators = new OrderFreeSum();

  MeasureGroup(MeasureSpec measure) {
    this.measure = measure;
  }

  void add(RowValues.Inputs in) {
    if (measure.isRatio()) {
      numerators.add(in.numerator());
      denominators.add(in.denominator());
      return;
    }
    Double v = in.value();
    Double b = in.base();
    values.add(v);
    if (measure.base() == null || v == null) {
      return;
    }
    bases.add(b);
    if (b != null && b > 0) {
      weighted.add(v * b);
      weights.add(b);
      weightedValue = v;
    }
  }

  /**
   * A ratio: summed numerator over summed denominator times the scale (none unless the
   * denominator is positive). A value with a base: one row's value exactly (v * b / b can differ
   * in the last bit, which would break ties that Spearman's ranks depend on), else the weighted
   * mean, else (no positive base) the plain mean, times the scale; its base the sum of the bases
   * beside a value. Other values: the plain mean.
   */
  Figures figures() {
    if (measure.isRatio()) {
      Double num = numerators.sum();
      Double den = denominators.sum();
      Double value = num != null && den != null && den > 0 ? num / den * measure.scale() : null;
      return new Figures(value, null, num, den);
    }
    if (measure.base() == null) {
      return new Figures(values.mean(), null, null, null);
    }
    Double mean;
    if (weights.count() == 1) {
      mean = weightedValue;
    } else {
      Double sum = weighted.sum();
      Double total = weights.sum();
      mean = sum == null || total == 0.0 ? null : sum / total;
    }
    if (mean == null) {
      mean = values.mean();
    }
    return new Figures(mean == null ? null : mean * measure.scale(), bases.sum(), null, null);
  }
}
