package org.staffoutcomes.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.staffoutcomes.panel.PanelColumns;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.stats.Proportion.ProportionResult;
import org.staffoutcomes.stats.Proportion;

/**
 * Shares by quintile: the panel in; for every ordinal outcome that declares a share level (e.g.
 * CQC rated Good or Outstanding), the share of trusts at or above it in each quintile of the
 * headline staff measure (Wilson 95% interval), per survey year and pooled over trust-years, lag 0.
 * Empty when the catalog has no such outcome. Ordered by outcome, year and quintile.
 */
public final class ShareStage {

  static final int QUINTILES = 5;

  private ShareStage() {}

  public static List<ShareRow> shares(Catalog catalog, PanelTable panel) {
    String headline = catalog.analysis().headlineMeasure();
    List<ShareRow> out = new ArrayList<>();
    for (MeasureInfo o : catalog.outcomes()) {
      if (!o.hasShare()) {
        continue;
      }
      String label = o.shareLabel() == null ? "At least level " + o.shareAtLeast() : o.shareLabel();
      double[] x = panel.numbers(PanelColumns.value(headline));
      double[] y = panel.numbers(PanelColumns.value(o.name()));
      Map<String, List<Integer>> years = new TreeMap<>();
      for (int i = 0; i < panel.size(); i++) {
        if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
          years.computeIfAbsent(CorrelationRow.POOLED, k -> new ArrayList<>()).add(i);
          years.computeIfAbsent(Integer.toString(panel.year(i)), k -> new ArrayList<>()).add(i);
        }
      }
      years.forEach((year, list) -> {
        int[] rows = list.stream().mapToInt(Integer::intValue).toArray();
        out.addAll(quintiles(headline, o.name(), label, o.shareAtLeast(), year,
            PairedValues.sorted(Correlations.pick(x, rows), Correlations.pick(y, rows))));
      });
    }
    out.sort(Comparator.comparing(ShareRow::outcome).thenComparing(ShareRow::year)
        .thenComparingInt(ShareRow::quintile));
    return out;
  }

  /** One group's five rows: per quintile of x, how many pairs reached the share level. */
  private static List<ShareRow> quintiles(String staff, String outcome, String label, double atLeast, String year,
      PairedValues v) {
    int[] quintile = Proportion.quintiles(v.x());
    List<ShareRow> out = new ArrayList<>();
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
      out.add(new ShareRow(staff, outcome, label, year, q, low, high, n, successes, p.share(), p.ciLow(), p.ciHigh()));
    }
    return out;
  }
}
