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

  static final String ORDINAL_NOTE = "ordinal outcome: rank correlation only (see spearman)";

  private final int minPairs;
  private final java.util.Set<String> ordinalOutcomes;

  CorrelateGroup(int minPairs, java.util.Set<String> ordinalOutcomes) {
    this.minPairs = minPairs;
    this.ordinalOutcomes = java.util.Set.copyOf(ordinalOutcomes);
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
    CorrelationResult spearman = Correlation.spearman(v.x(), v.y());
    CorrelationRow pearsonRow = ordinalOutcomes.contains(outcome)
        ? new CorrelationRow(staff, outcome, lag, scope, year, CorrelationRow.PEARSON, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, v.n(), ORDINAL_NOTE)
        : row(staff, outcome, lag, scope, year, CorrelationRow.PEARSON, Correlation.pearson(v.x(), v.y()));
    return List.of(
        CorrelationSchema.toRow(pearsonRow),
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
