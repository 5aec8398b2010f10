package org.staffoutcomes.standing;

import java.util.ArrayList;
import java.util.List;
import org.staffoutcomes.panel.PanelColumns;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.stats.FunnelLimits;

/**
 * Funnel plots: a ratio outcome of every organisation in the outcome's latest survey year, against
 * its volume (the denominator), with exact 95% and 99.8% limits around the pooled value of all
 * organisations ({@link FunnelLimits}).
 */
final class Funnels {

  private static final double[] PROBABILITIES = {0.001, 0.025, 0.975, 0.999};

  private Funnels() {}

  /**
   * @param outcome a ratio outcome (the panel has its {@code _num} and {@code _den})
   * @param model the count model of its limits
   * @param scale the measure's scale (100 for a percentage, 100,000 for a rate per 100,000)
   */
  static List<FunnelRow> of(PanelTable panel, String outcome, FunnelLimits.Model model, double scale) {
    double[] num = panel.numbers(PanelColumns.numerator(outcome));
    double[] den = panel.numbers(PanelColumns.denominator(outcome));
    int latest = Integer.MIN_VALUE;
    for (int i = 0; i < panel.size(); i++) {
      if (usable(num[i], den[i])) {
        latest = Math.max(latest, panel.year(i));
      }
    }
    double sumNum = 0;
    double sumDen = 0;
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < panel.size(); i++) {
      if (panel.year(i) == latest && usable(num[i], den[i])) {
        rows.add(i);
        sumNum += num[i];
        sumDen += den[i];
      }
    }
    List<FunnelRow> out = new ArrayList<>();
    double target = sumNum / sumDen;
    for (int i : rows) {
      double ratio = num[i] / den[i];
      double[] limit = new double[PROBABILITIES.length];
      String position;
      if (!(target > 0) || model == FunnelLimits.Model.BINOMIAL && (den[i] != Math.rint(den[i]) || target >= 1)) {
        java.util.Arrays.fill(limit, Double.NaN);
        position = !(target > 0) ? "not tested: no events in any organisation"
            : target >= 1 ? "not tested: every trial a success" : "not tested: denominator not a whole number";
      } else {
        for (int k = 0; k < limit.length; k++) {
          limit[k] = FunnelLimits.limit(model, target, den[i], PROBABILITIES[k]);
        }
        position = ratio > limit[3] ? "above 99.8% limit" : ratio > limit[2] ? "above 95% limit"
            : ratio < limit[0] ? "below 99.8% limit" : ratio < limit[1] ? "below 95% limit" : "within limits";
      }
      out.add(new FunnelRow(outcome, latest, panel.org(i), model.word(), num[i], den[i], scale * ratio,
          scale * target, scale * limit[0], scale * limit[1], scale * limit[2], scale * limit[3], position));
    }
    return out;
  }

  private static boolean usable(double num, double den) {
    return !Double.isNaN(num) && den > 0;
  }
}
