package org.staffoutcomes.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.schema.MeasureInfo;

/**
 * Grid of correlation coefficients: one row per staff measure, one column per outcome, each cell
 * coloured on a diverging blue-white-red scale from -1 to +1 with r printed in it. Cells with no
 * coefficient are grey and read "n/a".
 */
public final class HeatmapChart {

  private HeatmapChart() {}

  /** The cells of the usual heatmap: Pearson, all trusts, pooled over years, one lag. */
  public static List<CorrelationRow> select(List<CorrelationRow> all, int lag) {
    return select(all, lag, List.of());
  }

  /**
   * As {@link #select(List, int)}, but Spearman for the outcomes that are ordinal (ratings), for
   * which no Pearson coefficient is computed.
   */
  public static List<CorrelationRow> select(List<CorrelationRow> all, int lag, List<MeasureInfo> outcomes) {
    java.util.Set<String> ordinal = new java.util.HashSet<>();
    outcomes.stream().filter(MeasureInfo::ordinal).forEach(o -> ordinal.add(o.name()));
    return all.stream()
        .filter(r -> r.lag() == lag && methodFor(r.outcome(), ordinal).equals(r.method())
            && CorrelationRow.ALL_SCOPES.equals(r.scope())
            && CorrelationRow.POOLED.equals(r.year()))
        .toList();
  }

  private static String methodFor(String outcome, java.util.Set<String> ordinal) {
    return ordinal.contains(outcome) ? CorrelationRow.SPEARMAN : CorrelationRow.PEARSON;
  }

  /**
   * Writes the PNG (1000 wide, 600 high or more for many rows) and the CSV of {@code cells}
   * (columns as {@code correlations.csv}, in the order given).
   *
   * @param staffMeasures the rows, top to bottom
   * @param outcomes the columns, left to right
   * @param lag the lag of every cell (also when there are none)
   * @param cells at most one per staff measure and outcome, all of the same method, scope and
   *     year; pairs without a cell are shown as "n/a"
   * @throws IllegalArgumentException if a cell is of another lag, method, scope or year than the
   *     first, repeats a pair, or names a measure not among the rows or columns
   */
  public static RenderedChart write(List<MeasureInfo> staffMeasures, List<MeasureInfo> outcomes,
      int lag, List<CorrelationRow> cells, Path png, Path csv) throws IOException {
    return write(staffMeasures, List.of(), outcomes, lag, cells, png, csv);
  }

  /**
   * As {@link #write(List, List, int, List, Path, Path)}, with the rows in groups (e.g. the
   * question catalogue's themes), each opened by its label; also writes the SVG beside the PNG.
   *
   * @param rowGroups the group of each staff measure, rows of one group next to each other; empty
   *     for no groups
   * @throws IllegalArgumentException also if {@code rowGroups} is not empty and not one per row,
   *     or a group's rows are apart
   */
  public static RenderedChart write(List<MeasureInfo> staffMeasures, List<String> rowGroups,
      List<MeasureInfo> outcomes, int lag, List<CorrelationRow> cells, Path png, Path csv) throws IOException {
    HeatmapPainter.Grid grid = grid(staffMeasures, rowGroups, outcomes, lag, cells);
    ChartFiles.writePng(png, HeatmapPainter.paint(grid).image());
    HeatmapPainter.writeSvg(grid, ChartFiles.svgBeside(png));
    ChartCsv.writeCorrelations(cells, csv);
    return new RenderedChart(title(lag, cells), caption(lag, cells, !rowGroups.isEmpty()),
        altText(staffMeasures, outcomes, cells), png, ChartFiles.svgBeside(png), csv);
  }

  /**
   * "Pearson correlation of staff measures with outcomes, lag 1, pooled over years"; a scope
   * other than all trusts is added at the end.
   */
  public static String title(int lag, List<CorrelationRow> cells) {
    CorrelationRow first = cells.isEmpty() ? null : cells.get(0);
    String method = first == null ? CorrelationRow.PEARSON : first.method();
    String year = first == null ? CorrelationRow.POOLED : first.year();
    String scope = first == null ? CorrelationRow.ALL_SCOPES : first.scope();
    boolean mixed = cells.stream().map(CorrelationRow::method).distinct().count() > 1;
    String name = mixed ? "Correlation (Pearson; Spearman for ratings)"
        : (CorrelationRow.SPEARMAN.equals(method) ? "Spearman correlation" : "Pearson correlation");
    return name + " of staff measures with outcomes, lag " + lag + ", "
        + (CorrelationRow.POOLED.equals(year) ? "pooled over years" : year)
        + (CorrelationRow.ALL_SCOPES.equals(scope) ? "" : ", " + scope + " trusts");
  }

  static HeatmapPainter.Painted paint(List<MeasureInfo> staffMeasures, List<MeasureInfo> outcomes,
      int lag, List<CorrelationRow> cells) {
    return HeatmapPainter.paint(grid(staffMeasures, List.of(), outcomes, lag, cells));
  }

  static HeatmapPainter.Grid grid(List<MeasureInfo> staffMeasures, List<String> rowGroups,
      List<MeasureInfo> outcomes, int lag, List<CorrelationRow> cells) {
    checkGroups(staffMeasures, rowGroups);
    Map<String, Integer> rowIndex = index(staffMeasures);
    Map<String, Integer> colIndex = index(outcomes);
    double[][] values = new double[staffMeasures.size()][outcomes.size()];
    for (double[] row : values) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    boolean[][] seen = new boolean[staffMeasures.size()][outcomes.size()];
    CorrelationRow first = cells.isEmpty() ? null : cells.get(0);
    Map<String, String> columnMethod = new HashMap<>();
    for (CorrelationRow c : cells) {
      String method = columnMethod.putIfAbsent(c.outcome(), c.method());
      if (c.lag() != lag || (method != null && !method.equals(c.method())) || !c.scope().equals(first.scope())
          || !c.year().equals(first.year())) {
        throw new IllegalArgumentException("heatmap cells must share lag " + lag
            + ", scope and year, and one method per outcome; got " + c);
      }
      Integer r = rowIndex.get(c.staffMeasure());
      Integer k = colIndex.get(c.outcome());
      if (r == null || k == null) {
        throw new IllegalArgumentException("heatmap cell of " + c.staffMeasure() + " and "
            + c.outcome() + " is not among the rows and columns");
      }
      if (seen[r][k]) {
        throw new IllegalArgumentException("two heatmap cells for " + c.staffMeasure() + " and "
            + c.outcome());
      }
      seen[r][k] = true;
      values[r][k] = c.r();
    }
    List<String> notes = new ArrayList<>();
    for (MeasureInfo o : outcomes) {
      String direction = o.higherIsBetter() ? "higher is better" : "lower is better";
      notes.add(o.ordinal() ? "(rank correlation; " + direction + ")" : "(" + direction + ")");
    }
    String method = first == null ? CorrelationRow.PEARSON : first.method();
    String subtitle = "Lag " + lag + ": outcome " + CorrelationText.lagText(lag)
        + ". Red = positive, blue = negative correlation; colour shows direction, not whether"
        + " it is good or bad: check under each label which direction is better.";
    return new HeatmapPainter.Grid(title(lag, cells), subtitle,
        columnMethod.values().stream().distinct().count() > 1 ? "r (rho: ratings)" : CorrelationText.methodSymbol(method),
        staffMeasures.stream().map(MeasureInfo::label).toList(),
        staffMeasures.stream().map(m -> m.higherIsBetter() ? "" : "(lower is better)").toList(),
        List.copyOf(rowGroups), outcomes.stream().map(MeasureInfo::label).toList(), notes, values);
  }

  private static void checkGroups(List<MeasureInfo> staffMeasures, List<String> rowGroups) {
    if (rowGroups.isEmpty()) {
      return;
    }
    if (rowGroups.size() != staffMeasures.size()) {
      throw new IllegalArgumentException("Invalid heatmap row groups: " + rowGroups.size() + " groups for "
          + staffMeasures.size() + " rows");
    }
    java.util.Set<String> closed = new java.util.HashSet<>();
    for (int r = 1; r < rowGroups.size(); r++) {
      if (rowGroups.get(r).equals(rowGroups.get(r - 1))) {
        continue;
      }
      closed.add(rowGroups.get(r - 1));
      if (closed.contains(rowGroups.get(r))) {
        throw new IllegalArgumentException("Invalid heatmap row groups: the rows of group '" + rowGroups.get(r)
            + "' are not next to each other");
      }
    }
  }

  static String caption(int lag, List<CorrelationRow> cells, boolean grouped) {
    return "Correlation across trusts between each staff measure (rows) and each outcome"
        + " (columns), with the outcome " + CorrelationText.lagText(lag) + "."
        + (grouped ? " Rows are grouped by theme of the staff survey (engagement, morale, the People Promise"
            + " elements), each group under its heading." : "")
        + " Red cells: trusts"
        + " scoring higher on the staff measure tended to have higher values of the outcome; blue"
        + " cells: lower values. Whether that is better depends on the outcome (noted under"
        + " each column). Grey cells (n/a): no coefficient, see the note column in the data"
        + " file. Associations, not evidence of cause.";
  }

  static String altText(List<MeasureInfo> staffMeasures, List<MeasureInfo> outcomes,
      List<CorrelationRow> cells) {
    StringBuilder s = new StringBuilder("Heatmap of correlation coefficients between ")
        .append(plural(staffMeasures.size(), "staff measure")).append(" (rows) and ")
        .append(plural(outcomes.size(), "outcome")).append(" (columns).");
    Map<String, String> labels = new HashMap<>();
    staffMeasures.forEach(m -> labels.put(m.name(), m.label()));
    outcomes.forEach(m -> labels.put(m.name(), m.label()));
    cells.stream().filter(c -> Double.isFinite(c.r()))
        .max(Comparator.comparingDouble(c -> Math.abs(c.r())))
        .ifPresent(c -> s.append(" The strongest is between ").append(labels.get(c.staffMeasure()))
            .append(" and ").append(labels.get(c.outcome())).append(", r = ")
            .append(ChartStyle.fixed2(c.r())).append('.'));
    long missing = (long) staffMeasures.size() * outcomes.size()
        - cells.stream().filter(c -> Double.isFinite(c.r())).count();
    if (missing > 0) {
      s.append(' ').append(missing).append(missing == 1 ? " cell has" : " cells have")
          .append(" no coefficient.");
    }
    s.append(" Values are in the data file.");
    return s.toString();
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static Map<String, Integer> index(List<MeasureInfo> measures) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < measures.size(); i++) {
      if (index.put(measures.get(i).name(), i) != null) {
        throw new IllegalArgumentException("measure listed twice: " + measures.get(i).name());
      }
    }
    return index;
  }
}
