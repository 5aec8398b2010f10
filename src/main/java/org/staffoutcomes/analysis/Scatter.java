package org.staffoutcomes.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.staffoutcomes.panel.PanelColumns;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.stats.LeastSquares;
import org.staffoutcomes.stats.LinearFit;

/**
 * A scatter chart's numbers: the headline staff measure against one outcome in the latest survey
 * year with a Pearson coefficient (lag 0, all trusts), one point per organisation, and the ordinary
 * least squares line through them.
 *
 * @param staffMeasure the staff measure (x)
 * @param outcome the outcome (y)
 * @param year the survey year drawn
 * @param points one per organisation, ordered by organisation code
 * @param line the fitted line {@code y = intercept + slope * x}
 */
public record Scatter(String staffMeasure, String outcome, int year, List<ScatterPoint> points, FittedLine line) {

  public Scatter {
    points = List.copyOf(points);
  }

  /** The scatter of {@code staff} against each interval outcome that has a yearly Pearson coefficient. */
  static List<Scatter> of(PanelTable panel, MeasureInfo staff, List<MeasureInfo> outcomes,
      List<CorrelationRow> correlations) {
    List<Scatter> out = new ArrayList<>();
    double[] x = panel.numbers(PanelColumns.value(staff.name()));
    for (MeasureInfo o : outcomes) {
      Optional<CorrelationRow> latest = o.ordinal() ? Optional.empty() : latestYear(correlations, staff, o);
      if (latest.isEmpty()) {
        continue;
      }
      int year = Integer.parseInt(latest.get().year());
      double[] y = panel.numbers(PanelColumns.value(o.name()));
      List<ScatterPoint> points = new ArrayList<>();
      for (int i = 0; i < panel.size(); i++) {
        if (panel.year(i) == year && !Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
          points.add(new ScatterPoint(panel.org(i), panel.text(PanelColumns.TRUST_TYPE, i), x[i], y[i]));
        }
      }
      LinearFit fit = LeastSquares.fit(points.stream().mapToDouble(ScatterPoint::x).toArray(),
          points.stream().mapToDouble(ScatterPoint::y).toArray());
      out.add(new Scatter(staff.name(), o.name(), year, points, new FittedLine(fit.intercept(), fit.slope())));
    }
    return out;
  }

  /** The Pearson row (all trusts, lag 0) of the most recent survey year that has a coefficient. */
  static Optional<CorrelationRow> latestYear(List<CorrelationRow> rows, MeasureInfo staff, MeasureInfo outcome) {
    return rows.stream()
        .filter(r -> r.staffMeasure().equals(staff.name()) && r.outcome().equals(outcome.name()) && r.lag() == 0
            && r.scope().equals(CorrelationRow.ALL_SCOPES) && r.method().equals(CorrelationRow.PEARSON)
            && !r.year().equals(CorrelationRow.POOLED) && !Double.isNaN(r.r()))
        .max(Comparator.comparing(CorrelationRow::year));
  }
}
