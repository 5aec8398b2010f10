package org.staffoutcomes.charts;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Optional;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.schema.MeasureInfo;

/**
 * The index page's key findings: for the headline staff measure and each outcome, the pooled
 * association in words (better or worse, from each outcome's direction) and how much the per-year
 * coefficients varied. Pearson for interval outcomes, Spearman for ordinal ones.
 */
public final class FindingsText {

  private FindingsText() {}

  public static List<String> findings(MeasureInfo headline, List<MeasureInfo> outcomes, List<CorrelationRow> rows) {
    List<String> out = new ArrayList<>();
    for (MeasureInfo o : outcomes) {
      String method = o.ordinal() ? CorrelationRow.SPEARMAN : CorrelationRow.PEARSON;
      Optional<CorrelationRow> pooled = rows.stream()
          .filter(r -> matches(r, headline, o, method) && r.year().equals(CorrelationRow.POOLED))
          .findFirst();
      if (pooled.isEmpty()) {
        continue;
      }
      CorrelationRow c = pooled.get();
      StringBuilder s = new StringBuilder(o.label()).append(": ");
      if (!Double.isFinite(c.r())) {
        s.append("no coefficient (").append(c.note()).append(").");
        out.add(s.toString());
        continue;
      }
      String direction = CorrelationText.direction(headline, o, c.r());
      s.append(Character.toUpperCase(direction.charAt(0))).append(direction.substring(1)).append(' ')
          .append(CorrelationText.statistics(c)).append(" trust-years.");
      DoubleSummaryStatistics perYear = rows.stream()
          .filter(r -> matches(r, headline, o, method) && !r.year().equals(CorrelationRow.POOLED)
              && Double.isFinite(r.r()))
          .mapToDouble(CorrelationRow::r).summaryStatistics();
      if (perYear.getCount() > 1) {
        s.append(" Per survey year ").append(CorrelationText.methodSymbol(method)).append(" ranged from ")
            .append(ChartStyle.fixed2(perYear.getMin())).append(" to ").append(ChartStyle.fixed2(perYear.getMax()))
            .append(" over ").append(perYear.getCount()).append(" years.");
      }
      out.add(s.toString());
    }
    return out;
  }

  private static boolean matches(CorrelationRow r, MeasureInfo staff, MeasureInfo outcome, String method) {
    return r.staffMeasure().equals(staff.name()) && r.outcome().equals(outcome.name()) && r.lag() == 0
        && r.scope().equals(CorrelationRow.ALL_SCOPES) && r.method().equals(method);
  }
}
