package org.staffoutcomes.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.staffoutcomes.lake.LakePaths;
import org.staffoutcomes.lake.SmallTables;
import org.staffoutcomes.lake.TableLayout;
import org.staffoutcomes.lake.TableRecord;
import org.staffoutcomes.trends.TrendTable;

/**
 * The analysis stage's result tables in {@code lake/analysis/}: each table's columns, spelled
 * once, and the conversion of {@link AnalysisResults} to and from them. Written and read in plain
 * Java ({@link SmallTables}): the results are small by construction, and the render stage reads
 * them without starting Spark.
 */
public final class AnalysisTables {

  static final String SCATTER_POINTS = "scatter_points";
  static final String FITTED_LINES = "fitted_lines";
  static final String MERGED_SERIES = "merged_series";

  static final TableLayout SCATTER_POINT_LAYOUT = TableLayout.builder().string("staff_measure").string("outcome")
      .integer("year").string("org_code").string("trust_type").optionalDouble("x").optionalDouble("y").build();
  static final TableLayout FITTED_LINE_LAYOUT = TableLayout.builder().string("staff_measure").string("outcome")
      .integer("year").optionalDouble("intercept").optionalDouble("slope").longInt("n").build();
  static final TableLayout MERGED_LAYOUT = TableLayout.builder().string("org_code").string("org_name")
      .integer("year").optionalDouble("value").optionalDouble("n").bool("restated").integer("merged_in")
      .string("succession").build();

  private AnalysisTables() {}

  public static void write(LakePaths lake, AnalysisResults r) {
    SmallTables.write(lake.analysis(CorrelationTable.NAME), CorrelationTable.LAYOUT,
        r.correlations().stream().map(CorrelationTable::values).toList());
    SmallTables.write(lake.analysis(TrendTable.NAME), TrendTable.LAYOUT,
        r.trends().stream().map(TrendTable::values).toList());
    SmallTables.write(lake.analysis(ShareTable.NAME), ShareTable.LAYOUT,
        r.shares().stream().map(ShareTable::values).toList());
    List<Object[]> points = new ArrayList<>();
    List<Object[]> lines = new ArrayList<>();
    for (Scatter s : r.scatters()) {
      for (ScatterPoint p : s.points()) {
        points.add(new Object[] {s.staffMeasure(), s.outcome(), s.year(), p.orgCode(), p.trustType(), p.x(), p.y()});
      }
      lines.add(new Object[] {s.staffMeasure(), s.outcome(), s.year(), s.line().intercept(), s.line().slope(),
          (long) s.points().size()});
    }
    SmallTables.write(lake.analysis(SCATTER_POINTS), SCATTER_POINT_LAYOUT, points);
    SmallTables.write(lake.analysis(FITTED_LINES), FITTED_LINE_LAYOUT, lines);
    SmallTables.write(lake.analysis(MERGED_SERIES), MERGED_LAYOUT, r.merged().stream()
        .map(m -> new Object[] {m.orgCode(), m.orgName(), m.year(), m.value(), m.n(), m.restated(), m.mergedIn(),
            m.succession()}).toList());
  }

  public static AnalysisResults read(LakePaths lake) {
    Map<String, List<ScatterPoint>> points = new LinkedHashMap<>();
    for (TableRecord p : SmallTables.read(lake.analysis(SCATTER_POINTS))) {
      points.computeIfAbsent(scatterKey(p), k -> new ArrayList<>()).add(new ScatterPoint(p.string("org_code"),
          p.string("trust_type"), p.optionalDouble("x"), p.optionalDouble("y")));
    }
    List<Scatter> scatters = SmallTables.read(lake.analysis(FITTED_LINES)).stream()
        .map(l -> new Scatter(l.string("staff_measure"), l.string("outcome"), l.integer("year"),
            points.getOrDefault(scatterKey(l), List.of()),
            new FittedLine(l.optionalDouble("intercept"), l.optionalDouble("slope"))))
        .toList();
    return new AnalysisResults(
        read(lake, CorrelationTable.NAME, CorrelationTable::from),
        read(lake, TrendTable.NAME, TrendTable::from),
        read(lake, ShareTable.NAME, ShareTable::from),
        scatters,
        read(lake, MERGED_SERIES, m -> new MergedYear(m.string("org_code"), m.string("org_name"), m.integer("year"),
            m.optionalDouble("value"), m.optionalDouble("n"), m.bool("restated"), m.integer("merged_in"),
            m.string("succession"))));
  }

  private static String scatterKey(TableRecord r) {
    return r.string("staff_measure") + "\u0000" + r.string("outcome") + "\u0000" + r.integer("year");
  }

  private static <T> List<T> read(LakePaths lake, String table, Function<TableRecord, T> from) {
    return SmallTables.read(lake.analysis(table)).stream().map(from).toList();
  }
}
