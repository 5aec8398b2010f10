package org.staffoutcomes.analysis;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.staffoutcomes.stats.Proportion;
import org.staffoutcomes.stats.Proportion.ProportionResult;

/**
 * Runs on an executor: one group's (staff value, outcome level) pairs in, five rows out: per
 * quintile of the staff measure, how many trusts reached the outcome's share level, with the
 * Wilson 95% interval. Groups: (staff_measure, outcome, share_label, share_at_least, year, pairs).
 */
final class ShareGroup implements FlatMapFunction<Row, Row> {

  static final int QUINTILES = 5;

  @Override
  public Iterator<Row> call(Row group) {
    PairedValues v = PairedValues.of(group.getList(5));
    double atLeast = group.getDouble(3);
    int[] quintile = Proportion.quintiles(v.x());
    List<Row> out = new ArrayList<>();
    for (int q = 1; q <= QUINTILES; q++) {
      long n = 0;
      long successes = 0;
      double low = Double.POSITIVE_INFINITY;
      double high = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < quintile.length; i++) {
        if (quintile[i] == q) {
          n++;
          successes += v.y()[i] >= atLeast ? 1 : 0;
          low = Math.min(low, v.x()[i]);
          high = Math.max(high, v.x()[i]);
        }
      }
      if (n == 0) {
        continue;
      }
      ProportionResult p = Proportion.wilson(successes, n, 0.95);
      out.add(ShareSchema.toRow(new ShareRow(group.getString(0), group.getString(1), group.getString(2),
          group.getString(4), q, low, high, n, successes, p.share(), p.ciLow(), p.ciHigh())));
    }
    return out.iterator();
  }
}
