package org.staffoutcomes.bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.staffoutcomes.analysis.AnalysisResults;
import org.staffoutcomes.analysis.AnalysisTables;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.analysis.OrganisationYear;
import org.staffoutcomes.charts.HeatmapChart;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.standing.ChangeRow;
import org.staffoutcomes.standing.PositionRow;
import org.staffoutcomes.standing.StandingTables;
import org.staffoutcomes.trends.TrendRow;

/**
 * The analysis results a trust page shows, looked up by organisation, measure and year, each row
 * with the line it has in its bundle CSV ({@link RowLink}). The lines follow the order in which
 * the render stage writes the rows: the order of the lists in {@link AnalysisResults}.
 */
final class TrustData {

  static final String POSITIONS_CSV = StandingTables.POSITIONS + ".csv";
  static final String CHANGES_CSV = StandingTables.CHANGES + ".csv";
  static final String TRENDS_CSV = "trends.csv";
  static final String CORRELATIONS_CSV = "correlations.csv";
  static final String ORGANISATIONS_CSV = AnalysisTables.ORGANISATION_YEARS + ".csv";

  /** A row of a bundle CSV and where it is. */
  record Linked<T>(T row, RowLink link) {}

  final Catalog catalog;
  final MeasureInfo headline;
  /** The catalog's staff measures and outcomes, in its order (looked up once: the catalog derives them). */
  final List<MeasureInfo> staffMeasures;
  final List<MeasureInfo> outcomes;
  final List<MeasureInfo> allMeasures;
  /**
   * The latest survey year of any staff measure's change (the year of "this year's" changes); without
   * changes, the latest year of any position.
   */
  final int latestYear;
  /** Organisation code -> its years, oldest first. */
  final Map<String, List<Linked<OrganisationYear>>> organisations = new TreeMap<>();
  private final Map<String, Map<String, List<Linked<PositionRow>>>> positions = new HashMap<>();
  private final Map<String, Map<String, List<Linked<ChangeRow>>>> changes = new HashMap<>();
  private final Map<String, Linked<TrendRow>> trends = new HashMap<>();
  private final Map<String, List<Linked<TrendRow>>> national = new HashMap<>();
  private final Map<String, Linked<CorrelationRow>> associations = new HashMap<>();

  TrustData(Catalog catalog, AnalysisResults results) {
    this.catalog = catalog;
    this.headline = catalog.measure(catalog.analysis().headlineMeasure()).orElseThrow();
    this.staffMeasures = catalog.staffMeasures();
    this.outcomes = catalog.outcomes();
    this.allMeasures = catalog.allMeasures();
    List<OrganisationYear> orgs = results.organisations();
    for (int i = 0; i < orgs.size(); i++) {
      organisations.computeIfAbsent(orgs.get(i).orgCode(), k -> new ArrayList<>())
          .add(new Linked<>(orgs.get(i), RowLink.of(ORGANISATIONS_CSV, i)));
    }
    List<PositionRow> p = results.standing().positions();
    for (int i = 0; i < p.size(); i++) {
      PositionRow r = p.get(i);
      positions.computeIfAbsent(r.orgCode(), k -> new HashMap<>()).computeIfAbsent(r.measure(), k -> new ArrayList<>())
          .add(new Linked<>(r, RowLink.of(POSITIONS_CSV, i)));
      // An organisation with positions but no organisation-years (an analysis from before they
      // were written) still gets its page, without a name.
      organisations.computeIfAbsent(r.orgCode(), k -> new ArrayList<>());
    }
    List<ChangeRow> c = results.standing().changes();
    int latest = Integer.MIN_VALUE;
    for (int i = 0; i < c.size(); i++) {
      ChangeRow r = c.get(i);
      changes.computeIfAbsent(r.orgCode(), k -> new HashMap<>()).computeIfAbsent(r.measure(), k -> new ArrayList<>())
          .add(new Linked<>(r, RowLink.of(CHANGES_CSV, i)));
      latest = Math.max(latest, r.year());
    }
    this.latestYear = c.isEmpty() ? p.stream().mapToInt(PositionRow::year).max().orElse(0) : latest;
    List<TrendRow> t = results.trends();
    for (int i = 0; i < t.size(); i++) {
      Linked<TrendRow> row = new Linked<>(t.get(i), RowLink.of(TRENDS_CSV, i));
      trends.put(key(t.get(i).measure(), t.get(i).group(), t.get(i).year()), row);
      if (TrendRow.ALL_GROUPS.equals(t.get(i).group())) {
        national.computeIfAbsent(t.get(i).measure(), k -> new ArrayList<>()).add(row);
      }
    }
    Map<CorrelationRow, Integer> lineOf = new IdentityHashMap<>();
    List<CorrelationRow> all = results.correlations();
    for (int i = 0; i < all.size(); i++) {
      lineOf.put(all.get(i), i);
    }
    for (CorrelationRow r : HeatmapChart.select(all, 0, catalog.outcomes())) {
      associations.put(key(r.staffMeasure(), r.outcome(), 0),
          new Linked<>(r, RowLink.of(CORRELATIONS_CSV, lineOf.get(r))));
    }
  }

  /** The organisation's positions in {@code measure}, oldest year first. */
  List<Linked<PositionRow>> positions(String org, String measure) {
    return positions.getOrDefault(org, Map.of()).getOrDefault(measure, List.of());
  }

  /** The organisation's latest position in {@code measure}. */
  Optional<Linked<PositionRow>> latestPosition(String org, String measure) {
    List<Linked<PositionRow>> rows = positions(org, measure);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(rows.size() - 1));
  }

  /** The organisation's changes in {@code measure}, oldest year first. */
  List<Linked<ChangeRow>> changes(String org, String measure) {
    return changes.getOrDefault(org, Map.of()).getOrDefault(measure, List.of());
  }

  Optional<Linked<ChangeRow>> change(String org, String measure, int year) {
    return changes(org, measure).stream().filter(c -> c.row().year() == year).findFirst();
  }

  /** The distribution of {@code measure} in {@code group} and {@code year} (trends.csv). */
  Optional<Linked<TrendRow>> trend(String measure, String group, int year) {
    return Optional.ofNullable(trends.get(key(measure, group, year)));
  }

  /** The distribution of {@code measure} over all organisations, year by year (trends.csv). */
  List<Linked<TrendRow>> national(String measure) {
    return national.getOrDefault(measure, List.of());
  }

  /** The national association of a staff measure with an outcome: all trusts, years pooled, lag 0. */
  Optional<Linked<CorrelationRow>> association(String staffMeasure, String outcome) {
    return Optional.ofNullable(associations.get(key(staffMeasure, outcome, 0)));
  }

  /** The organisation's latest year as the organisation-years have it; empty without any. */
  Optional<Linked<OrganisationYear>> latest(String org) {
    List<Linked<OrganisationYear>> years = organisations.getOrDefault(org, List.of());
    return years.isEmpty() ? Optional.empty() : Optional.of(years.get(years.size() - 1));
  }

  /** The organisation's name ("" when unknown). */
  String name(String org) {
    return latest(org).map(o -> o.row().orgName()).orElse("");
  }

  /** The catalog's culture measures, in the catalog's order of staff measures. */
  List<MeasureInfo> cultureMeasures() {
    List<String> named = catalog.analysis().cultureMeasures();
    return staffMeasures.stream().filter(m -> named.contains(m.name())).toList();
  }

  /** Organisation codes in order, each with its page's file name. */
  Map<String, String> pages() {
    Map<String, String> out = new LinkedHashMap<>();
    organisations.keySet().forEach(org -> out.put(org, TrustPages.fileName(org)));
    return out;
  }

  private static String key(String a, String b, int year) {
    return a + "\u0000" + b + "\u0000" + year;
  }
}
