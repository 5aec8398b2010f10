package org.staffoutcomes.charts;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.staffoutcomes.analysis.ForestRow;
import org.staffoutcomes.schema.MeasureInfo;

/** Caption and alt text of a {@link ForestChart}, from the rows in drawing order. */
final class ForestText {

  private ForestText() {}

  /**
   * What the squares, lines and each diamond are, the pooled and yearly numbers, the years
   * without an estimate, the direction, and that these are associations, not effects.
   */
  static String caption(MeasureInfo staff, MeasureInfo outcome, List<ForestRow> ordered,
      boolean byWeight) {
    String x = CorrelationText.lowerFirst(staff.label());
    String y = CorrelationText.lowerFirst(outcome.label());
    if (ordered.isEmpty()) {
      return "No correlations of " + x + " with " + y + " were available, so the forest plot is"
          + " empty. It would show each survey year's Pearson r across trusts with its 95%"
          + " confidence interval, and the pooled estimates; these would be associations across"
          + " trusts, not effects.";
    }
    StringBuilder s = new StringBuilder("Pearson correlation across trusts between ").append(x)
        .append(" and ").append(y);
    List<ForestRow> years = ordered.stream().filter(ForestRow::isYear).toList();
    if (years.isEmpty()) {
      s.append('.');
    } else {
      s.append(", one row per survey year (").append(years.get(0).label())
          .append(years.size() == 1 ? "" : " to " + years.get(years.size() - 1).label())
          .append("): each square is that year's r, its area following the year's ")
          .append(byWeight ? "weight in the random-effects pool" : "number of trusts (n)")
          .append(", and its line the 95% confidence interval.");
    }
    Optional<ForestRow> trustYears = kind(ordered, ForestRow.POOLED_TRUST_YEAR);
    Optional<ForestRow> random = kind(ordered, ForestRow.RANDOM_EFFECTS);
    if (trustYears.isPresent() || random.isPresent()) {
      s.append(" The diamonds are pooled estimates, their width the 95% confidence interval.");
    }
    trustYears.ifPresent(r -> s.append(" \"").append(r.label()).append("\" puts every trust in")
        .append(" every survey year into one correlation, treating each trust-year as independent")
        .append(" although the same trusts recur year after year, so its interval may be too")
        .append(" narrow: ").append(statistics(r, " trust-years")).append('.'));
    random.ifPresent(r -> s.append(" \"").append(r.label()).append("\" pools the yearly")
        .append(" estimates and allows the true correlation to differ between years: ")
        .append(statistics(r, "")).append(r.hasEstimate() && !r.note().isBlank()
            ? "; " + r.note() : "").append('.'));
    List<ForestRow> drawn = years.stream().filter(ForestRow::hasEstimate).toList();
    if (drawn.size() > 1) {
      ForestRow lo = drawn.stream().min((a, b) -> Double.compare(a.estimate(), b.estimate()))
          .orElseThrow();
      ForestRow hi = drawn.stream().max((a, b) -> Double.compare(a.estimate(), b.estimate()))
          .orElseThrow();
      s.append(" Yearly r ranged from ").append(ChartStyle.fixed2(lo.estimate())).append(" (")
          .append(lo.label()).append(") to ").append(ChartStyle.fixed2(hi.estimate()))
          .append(" (").append(hi.label()).append(").");
    }
    List<ForestRow> missing = years.stream().filter(r -> !r.hasEstimate()).toList();
    if (!missing.isEmpty()) {
      s.append(" No estimate for ").append(missing.stream()
          .map(r -> r.label() + (r.note().isBlank() ? "" : " (" + r.note() + ")"))
          .collect(Collectors.joining(", "))).append('.');
    }
    Optional<ForestRow> headline = random.filter(ForestRow::hasEstimate)
        .or(() -> trustYears.filter(ForestRow::hasEstimate));
    headline.ifPresent(r -> {
      s.append(" Pooled, ").append(CorrelationText.direction(staff, outcome, r.estimate()));
      if (r.hasInterval() && r.ciLow() <= 0 && r.ciHigh() >= 0) {
        s.append(" The interval of \"").append(r.label())
            .append("\" includes zero, so even the direction is uncertain.");
      }
    });
    s.append(" These are associations across trusts, not effects: trusts with higher ").append(x)
        .append(" may differ from others in other ways too.");
    return s.toString();
  }

  /** Every row's numbers, in drawing order, with the axis range. */
  static String altText(MeasureInfo staff, MeasureInfo outcome, List<ForestRow> ordered,
      double[] xRange) {
    if (ordered.isEmpty()) {
      return "Empty forest plot: no correlations of " + CorrelationText.lowerFirst(staff.label())
          + " with " + CorrelationText.lowerFirst(outcome.label()) + ".";
    }
    StringBuilder s = new StringBuilder("Forest plot of Pearson r between ").append(staff.label())
        .append(" and ").append(outcome.label()).append(", horizontal axis from ")
        .append(ChartStyle.fixed2(xRange[0])).append(" to ").append(ChartStyle.fixed2(xRange[1]))
        .append(" with a dashed line at 0 (no association).");
    List<ForestRow> years = ordered.stream().filter(ForestRow::isYear).toList();
    List<ForestRow> pooled = ordered.stream().filter(r -> !r.isYear()).toList();
    if (!years.isEmpty()) {
      s.append(" Squares for ").append(years.size())
          .append(years.size() == 1 ? " survey year" : " survey years, oldest first").append(": ")
          .append(years.stream().map(ForestText::brief).collect(Collectors.joining("; ")))
          .append('.');
    }
    if (!pooled.isEmpty()) {
      s.append(" Diamonds: ")
          .append(pooled.stream().map(ForestText::brief).collect(Collectors.joining("; ")))
          .append('.');
    }
    return s.toString();
  }

  private static Optional<ForestRow> kind(List<ForestRow> rows, String kind) {
    return rows.stream().filter(r -> kind.equals(r.kind())).findFirst();
  }

  /** "tau^2 = 0.0012, I^2 = 34%" as drawn: "tau² = 0.0012, I² = 34%". */
  static String display(String note) {
    return note.replace("^2", "\u00b2");
  }

  /** "r = -0.27 (95% CI -0.31 to -0.23), n = 900 trust-years", or "no estimate (why)". */
  private static String statistics(ForestRow r, String units) {
    if (!r.hasEstimate()) {
      return "no estimate" + (r.note().isBlank() ? "" : " (" + r.note() + ")");
    }
    return "r = " + ChartStyle.fixed2(r.estimate()) + (r.hasInterval() ? " (95% CI "
        + ChartStyle.fixed2(r.ciLow()) + " to " + ChartStyle.fixed2(r.ciHigh()) + ")" : "")
        + ", n = " + r.n() + units;
  }

  /** "2019 r = -0.35 [-0.46, -0.23], n = 130", "2016 no estimate (fewer than 10 pairs), n = 8". */
  private static String brief(ForestRow r) {
    StringBuilder s = new StringBuilder(r.label()).append(' ');
    if (!r.hasEstimate()) {
      s.append("no estimate").append(r.note().isBlank() ? "" : " (" + r.note() + ")");
    } else {
      s.append("r = ").append(ChartStyle.fixed2(r.estimate()));
      if (r.hasInterval()) {
        s.append(" [").append(ChartStyle.fixed2(r.ciLow())).append(", ")
            .append(ChartStyle.fixed2(r.ciHigh())).append(']');
      }
    }
    s.append(", n = ").append(r.n());
    if (r.hasEstimate() && !r.note().isBlank()) {
      s.append(", ").append(r.note());
    }
    return s.toString();
  }
}
