package org.staffoutcomes.analysis;

import java.util.List;
import java.util.Set;
import org.staffoutcomes.stats.Correlation;
import org.staffoutcomes.stats.CorrelationResult;

/**
 * One group's pairs in (staff measure, outcome, lag, scope, year), its Pearson and Spearman rows
 * out. The statistics are the pure functions of the stats package.
 */
final class CorrelateGroup {

  static final String ORDINAL_NOTE = "ordinal outcome: rank correlation only (see spearman)";

  private final int minPairs;
  private final Set<String> ordinalOutcomes;

  CorrelateGroup(int minPairs, Set<String> ordinalOutcomes) {
    this.minPairs = minPairs;
    this.ordinalOutcomes = Set.copyOf(ordinalOutcomes);
  }

  /** The group's rows; the pairs are sorted first, so results do not depend on their order. */
  List<CorrelationRow> rows(GroupKey g, double[] xs, double[] ys) {
    PairedValues v = PairedValues.sorted(xs, ys);
    double[] x = v.x();
    double[] y = v.y();
    if (x.length < minPairs) {
      String note = fewerThan(minPairs);
      return List.of(g.row(CorrelationRow.PEARSON, Double.NaN, Double.NaN, Double.NaN, Double.NaN, x.length, note),
          g.row(CorrelationRow.SPEARMAN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, x.length, note));
    }
    CorrelationResult spearman = Correlation.spearman(x, y);
    CorrelationRow pearsonRow = ordinalOutcomes.contains(g.outcome())
        ? g.row(CorrelationRow.PEARSON, Double.NaN, Double.NaN, Double.NaN, Double.NaN, x.length, ORDINAL_NOTE)
        : g.row(CorrelationRow.PEARSON, Correlation.pearson(x, y), "");
    return List.of(pearsonRow, g.row(CorrelationRow.SPEARMAN, spearman, ""));
  }

  static String fewerThan(int minPairs) {
    return "fewer than " + minPairs + " pairs";
  }

  /** The key of a group of pairs: which association, at which lag, in which scope and year. */
  record GroupKey(String staff, String outcome, int lag, String scope, String year) {

    CorrelationRow row(String method, double r, double ciLow, double ciHigh, double p, long n, String note) {
      return new CorrelationRow(staff, outcome, lag, scope, year, method, r, ciLow, ciHigh, p, n, note);
    }

    /** A computed coefficient's row; a NaN coefficient says why in the note. */
    CorrelationRow row(String method, CorrelationResult r, String note) {
      String why = Double.isNaN(r.r()) ? "no variation in one of the measures" : note;
      return row(method, r.r(), r.ciLow(), r.ciHigh(), r.p(), r.n(), why);
    }
  }
}
