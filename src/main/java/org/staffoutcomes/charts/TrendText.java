package org.staffoutcomes.charts;

import java.util.List;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.trends.TrendRow;

/** Caption and alt text of a trend chart. */
final class TrendText {

  private TrendText() {}

  static String caption(MeasureInfo measure, List<TrendRow> rows, List<YearMarker> markers) {
    StringBuilder s = new StringBuilder();
    s.append(measure.label()).append(" by survey year");
    IntSummary years = IntSummary.of(rows);
    if (years != null) {
      s.append(", ").append(years.text());
    }
    s.append(". One panel per benchmarking group, all on the same axes: the line is the median across"
        + " the group's organisations and the shaded band the interquartile range (the middle half of"
        + " organisations); the black dashed line, the same in every panel, is the median of all"
        + " organisations. Gaps mean no data for that group and year. ")
        .append(measure.higherIsBetter() ? "Higher values are better." : "Lower values are better.");
    for (YearMarker m : markers) {
      if (years != null && m.year() >= years.first && m.year() <= years.last + 1) {
        s.append(" The dashed vertical line before ").append(m.year()).append(", in every panel, marks: ")
            .append(m.label()).append('.');
      }
    }
    return s.toString();
  }

  static String altText(MeasureInfo measure, List<TrendRow> rows) {
    IntSummary years = IntSummary.of(rows);
    if (years == null) {
      return "Empty line chart: no data for " + measure.label() + ".";
    }
    long groups = rows.stream().map(TrendRow::group)
        .filter(g -> !TrendRow.ALL_GROUPS.equals(g)).distinct().count();
    StringBuilder s = new StringBuilder("Small multiple line charts of ").append(measure.axisLabel())
        .append(" by survey year, ").append(years.text()).append(", for ").append(groups)
        .append(groups == 1 ? " benchmarking group" : " benchmarking groups")
        .append(" (one panel each), with the median of all organisations in every panel.");
    List<TrendRow> all = rows.stream()
        .filter(r -> TrendRow.ALL_GROUPS.equals(r.group()) && r.n() > 0
            && Double.isFinite(r.median()))
        .sorted((a, b) -> Integer.compare(a.year(), b.year())).toList();
    if (all.size() >= 2) {
      TrendRow a = all.get(0);
      TrendRow b = all.get(all.size() - 1);
      s.append(" The median across all organisations was ").append(ChartStyle.sig3(a.median()))
          .append(" in ").append(a.year()).append(" and ").append(ChartStyle.sig3(b.median()))
          .append(" in ").append(b.year()).append('.');
    }
    return s.toString();
  }

  private record IntSummary(int first, int last) {
    static IntSummary of(List<TrendRow> rows) {
      if (rows.isEmpty()) {
        return null;
      }
      int lo = rows.stream().mapToInt(TrendRow::year).min().orElseThrow();
      int hi = rows.stream().mapToInt(TrendRow::year).max().orElseThrow();
      return new IntSummary(lo, hi);
    }

    String text() {
      return first == last ? Integer.toString(first) : first + " to " + last;
    }
  }
}
