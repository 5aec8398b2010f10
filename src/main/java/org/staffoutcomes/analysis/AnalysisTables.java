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
import org.staffoutcomes.standing.StandingTables;
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
  static final String MODELS = "models";
  static final String POOLED = "pooled";
  static final String FOREST = "forest";
  static final String FINDINGS = "findings";
  static final String UNKNOWN_ORGANISATIONS = "unknown_organisations";
  public static final String ORGANISATION_YEARS = "organisation_years";

  static final TableLayout SCATTER_POINT_LAYOUT = TableLayout.builder().string("staff_measure").string("outcome")
      .integer("year").string("org_code").string("trust_type").optionalDouble("x").optionalDouble("y").build();
  static final TableLayout FITTED_LINE_LAYOUT = TableLayout.builder().string("staff_measure").string("outcome")
      .integer("year").optionalDouble("intercept").optionalDouble("slope").longInt("n").build();
  static final TableLayout MERGED_LAYOUT = TableLayout.builder().string("org_code").string("org_name")
      .integer("year").optionalDouble("value").optionalDouble("n").bool("restated").integer("merged_in")
      .string("succession").build();

  public static final TableLayout MODEL_LAYOUT = TableLayout.builder().string("model").string("staff_measure")
      .string("outcome").integer("lag").string("scope").string("weights").string("term").optionalDouble("estimate")
      .optionalDouble("se").optionalDouble("t").optionalDouble("p").optionalDouble("p_adjusted")
      .optionalDouble("ci_low").optionalDouble("ci_high").longInt("n").integer("n_groups").optionalDouble("r2")
      .string("note").build();
  public static final TableLayout POOLED_LAYOUT = TableLayout.builder().string("staff_measure").string("outcome")
      .integer("lag").string("scope").string("method").integer("k").optionalDouble("estimate")
      .optionalDouble("ci_low").optionalDouble("ci_high").optionalDouble("p").optionalDouble("p_adjusted")
      .optionalDouble("tau2").optionalDouble("i2").optionalDouble("q").string("note").build();
  public static final TableLayout FOREST_LAYOUT = TableLayout.builder().string("staff_measure").string("outcome")
      .string("label").string("kind").optionalDouble("estimate").optionalDouble("ci_low").optionalDouble("ci_high")
      .longInt("n").optionalDouble("weight").string("note").build();
  static final TableLayout FINDINGS_LAYOUT = CorrelationTable.columns(TableLayout.builder().integer("rank")).build();

  /** Datasets and survey years joined by {@code ;}. */
  static final TableLayout UNKNOWN_ORGANISATION_LAYOUT = TableLayout.builder().string("org_code")
      .string("datasets").string("survey_years").build();

  /** Predecessors joined by {@code ;}. */
  public static final TableLayout ORGANISATION_YEAR_LAYOUT = TableLayout.builder().string("org_code")
      .integer("survey_year").string("org_name").string("trust_type").string("benchmark_group").string("region")
      .bool("restated").string("predecessors").string("succession").build();

  private AnalysisTables() {}

  public static Object[] values(OrganisationYear o) {
    return new Object[] {o.orgCode(), o.year(), o.orgName(), o.trustType(), o.benchmarkGroup(), o.region(),
        o.restated(), String.join(";", o.predecessors()), o.succession()};
  }

  public static Object[] values(ModelRow m) {
    return new Object[] {m.model(), m.staffMeasure(), m.outcome(), m.lag(), m.scope(), m.weights(), m.term(),
        m.estimate(), m.se(), m.t(), m.p(), m.pAdjusted(), m.ciLow(), m.ciHigh(), m.n(), m.nGroups(), m.r2(), m.note()};
  }

  public static Object[] values(PooledRow p) {
    return new Object[] {p.staffMeasure(), p.outcome(), p.lag(), p.scope(), p.method(), p.k(), p.estimate(),
        p.ciLow(), p.ciHigh(), p.p(), p.pAdjusted(), p.tau2(), p.i2(), p.q(), p.note()};
  }

  private static ModelRow model(TableRecord r) {
    return new ModelRow(r.string("model"), r.string("staff_measure"), r.string("outcome"), r.integer("lag"),
        r.string("scope"), r.string("weights"), r.string("term"), r.optionalDouble("estimate"), r.optionalDouble("se"),
        r.optionalDouble("t"), r.optionalDouble("p"), r.optionalDouble("p_adjusted"), r.optionalDouble("ci_low"),
        r.optionalDouble("ci_high"), r.longInt("n"), r.integer("n_groups"), r.optionalDouble("r2"), r.string("note"));
  }

  private static PooledRow pooled(TableRecord r) {
    return new PooledRow(r.string("staff_measure"), r.string("outcome"), r.integer("lag"), r.string("scope"),
        r.string("method"), r.integer("k"), r.optionalDouble("estimate"), r.optionalDouble("ci_low"),
        r.optionalDouble("ci_high"), r.optionalDouble("p"), r.optionalDouble("p_adjusted"), r.optionalDouble("tau2"),
        r.optionalDouble("i2"), r.optionalDouble("q"), r.string("note"));
  }

  /**
   * Replaces every analysis table with {@code r}'s rows. The tables are independent, so they are
   * written at once on the common pool (the correlations, the largest, take as long as the rest).
   */
  public static void write(LakePaths lake, AnalysisResults r) {
    List<Runnable> writes = new ArrayList<>();
    writes.add(() -> SmallTables.write(lake.analysis(CorrelationTable.NAME), CorrelationTable.LAYOUT,
        r.correlations().stream().map(CorrelationTable::values).toList()));
    writes.add(() -> SmallTables.write(lake.analysis(MODELS), MODEL_LAYOUT,
        r.models().stream().map(AnalysisTables::values).toList()));
    writes.addAll(StandingTables.writes(lake, r.standing()));
    writes.add(() -> writeSmall(lake, r));
    writes.parallelStream().forEach(Runnable::run);
  }

  /** The smaller tables, one after the other. */
  private static void writeSmall(LakePaths lake, AnalysisResults r) {
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
    SmallTables.write(lake.analysis(POOLED), POOLED_LAYOUT, r.pooled().stream().map(AnalysisTables::values).toList());
    List<Object[]> forest = new ArrayList<>();
    for (AnalysisResults.Forest f : r.forests()) {
      for (ForestRow x : f.rows()) {
        forest.add(new Object[] {f.staffMeasure(), f.outcome(), x.label(), x.kind(), x.estimate(), x.ciLow(),
            x.ciHigh(), x.n(), x.weight(), x.note()});
      }
    }
    SmallTables.write(lake.analysis(FOREST), FOREST_LAYOUT, forest);
    List<Object[]> findings = new ArrayList<>();
    for (CorrelationRow c : r.findings()) {
      Object[] v = CorrelationTable.values(c);
      Object[] ranked = new Object[v.length + 1];
      ranked[0] = findings.size() + 1;
      System.arraycopy(v, 0, ranked, 1, v.length);
      findings.add(ranked);
    }
    SmallTables.write(lake.analysis(FINDINGS), FINDINGS_LAYOUT, findings);
    SmallTables.write(lake.analysis(UNKNOWN_ORGANISATIONS), UNKNOWN_ORGANISATION_LAYOUT, r.unknownOrganisations()
        .stream().map(u -> new Object[] {u.orgCode(), String.join(";", u.datasets()),
            String.join(";", u.surveyYears().stream().map(String::valueOf).toList())}).toList());
    SmallTables.write(lake.analysis(ORGANISATION_YEARS), ORGANISATION_YEAR_LAYOUT,
        r.organisations().stream().map(AnalysisTables::values).toList());
  }

  /** The organisation-years; none when the table is absent (an analysis from before it was written). */
  private static List<OrganisationYear> organisations(LakePaths lake) {
    try {
      return read(lake, ORGANISATION_YEARS, o -> new OrganisationYear(o.string("org_code"), o.integer("survey_year"),
          o.optionalText("org_name"), o.optionalText("trust_type"), o.optionalText("benchmark_group"),
          o.optionalText("region"), o.bool("restated"), split(o.optionalText("predecessors")),
          o.optionalText("succession")));
    } catch (org.staffoutcomes.lake.LakeException e) {
      return List.of();
    }
  }

  /** The unknown organisations; none when the table is absent (an analysis from before it was written). */
  private static List<UnknownOrganisation> unknownOrganisations(LakePaths lake) {
    try {
      return read(lake, UNKNOWN_ORGANISATIONS, u -> new UnknownOrganisation(u.string("org_code"),
          split(u.string("datasets")), split(u.string("survey_years")).stream().map(Integer::valueOf).toList()));
    } catch (org.staffoutcomes.lake.LakeException e) {
      return List.of();
    }
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(";"));
  }

  /** The last analysis's correlation rows, in table order. */
  static List<CorrelationRow> correlations(LakePaths lake) {
    return read(lake, CorrelationTable.NAME, CorrelationTable::from);
  }

  /** The last analysis's model rows, in table order. */
  static List<ModelRow> models(LakePaths lake) {
    return read(lake, MODELS, AnalysisTables::model);
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
        correlations(lake),
        read(lake, TrendTable.NAME, TrendTable::from),
        read(lake, ShareTable.NAME, ShareTable::from),
        scatters,
        read(lake, MERGED_SERIES, m -> new MergedYear(m.string("org_code"), m.string("org_name"), m.integer("year"),
            m.optionalDouble("value"), m.optionalDouble("n"), m.bool("restated"), m.integer("merged_in"),
            m.string("succession"))),
        models(lake),
        read(lake, POOLED, AnalysisTables::pooled),
        forests(SmallTables.read(lake.analysis(FOREST))),
        read(lake, FINDINGS, CorrelationTable::from),
        unknownOrganisations(lake),
        StandingTables.read(lake),
        organisations(lake));
  }

  private static List<AnalysisResults.Forest> forests(List<TableRecord> rows) {
    Map<String, List<ForestRow>> byPair = new LinkedHashMap<>();
    for (TableRecord r : rows) {
      byPair.computeIfAbsent(r.string("staff_measure") + "\u0000" + r.string("outcome"), k -> new ArrayList<>())
          .add(new ForestRow(r.string("label"), r.string("kind"), r.optionalDouble("estimate"),
              r.optionalDouble("ci_low"), r.optionalDouble("ci_high"), r.longInt("n"), r.optionalDouble("weight"),
              r.string("note")));
    }
    return byPair.entrySet().stream().map(e -> {
      String[] pair = e.getKey().split("\u0000");
      return new AnalysisResults.Forest(pair[0], pair[1], e.getValue());
    }).toList();
  }

  private static String scatterKey(TableRecord r) {
    return r.string("staff_measure") + "\u0000" + r.string("outcome") + "\u0000" + r.integer("year");
  }

  private static <T> List<T> read(LakePaths lake, String table, Function<TableRecord, T> from) {
    return SmallTables.read(lake.analysis(table)).stream().map(from).toList();
  }
}
