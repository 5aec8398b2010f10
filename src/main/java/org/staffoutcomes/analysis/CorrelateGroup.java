package org.staffoutcomes.analysis;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.staffoutcomes.stats.Correlation;
import org.staffoutcomes.stats.CorrelationResult;

/**
 * Runs on an executor: one group's pairs in (staff_measure, outcome, lag, scope, year, pairs),
 * its Pearson and Spearman rows out. The statistics are the pure functions of the stats package.
 */
final class CorrelateGroup implements FlatMapFunction<Row, Row> {

  private final int minPairs;

  CorrelateGroup(int minPairs) {
    this.minPairs = minPairs;
  }

  @Override
  public Iterator<Row> call(Row group) {
    PairedValues v = PairedValues.of(group.getList(5));
    String staff = group.getString(0);
    String outcome = group.getString(1);
    int lag = group.getInt(2);
    String scope = group.getString(3);
    String year = group.getString(4);
    if (v.n() < minPairs) {
      String note = "fewer than " + minPairs + " pairs";
      return List.of(
          CorrelationSchema.toRow(new CorrelationRow(staff, outcome, lag, scope, year, CorrelationRow.PEARSON,
              Double.NaN, Double.NaN, Double.NaN, Double.NaN, v.n(), note)),
          CorrelationSchema.toRow(new CorrelationRow(staff, outcome, lag, scope, year, CorrelationRow.SPEARMAN,
              Double.NaN, Double.NaN, Double.NaN, Double.NaN, v.n(), note))).iterator();
    }
    CorrelationResult pearson = Correlation.pearson(v.x(), v.y());
    CorrelationResult spearman = Correlation.spearman(v.x(), v.y());
    return List.of(
        CorrelationSchema.toRow(row(staff, outcome, lag, scope, year, CorrelationRow.PEARSON, pearson)),
        CorrelationSchema.toRow(row(staff, outcome, lag, scope, year, CorrelationRow.SPEARMAN, spearman)))
        .iterator();
  }

  private static CorrelationRow row(String staff, String outcome, int lag, String scope, String year,
      String method, CorrelationResult r) {
    String note = Double.isNaN(r.r()) ? "no variation in one of the measures" : "";
    return new CorrelationRow(staff, outcome, lag, scope, year, method, r.r(), r.ciLow(), r.ciHigh(), r.p(),
        r.n(), note);
  }
}
