package org.staffoutcomes.analysis;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.staffoutcomes.lake.LakePaths;
import org.staffoutcomes.lake.SmallTables;
import org.staffoutcomes.lake.UnitMemo;
import org.staffoutcomes.panel.PanelStage;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.panel.Succession;
import org.staffoutcomes.publish.KeptRows;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.schema.Role;
import org.staffoutcomes.standing.StandingStage;
import org.staffoutcomes.trends.TrendStage;

/**
 * Analysis: the panel in, every number the bundle shows out ({@link AnalysisResults}). The panel
 * is small by construction (one row per organisation and year), so it is read once, without
 * Spark, and every statistic is a pure function over its arrays (trends and quintile shares too).
 */
public final class AnalysisStage {

  /** The outcome's window relative to the survey year: the same year, and one year later. */
  public static final int[] LAGS = {0, 1};

  private AnalysisStage() {}

  /**
   * Reads the panel (a few thousand organisation-years, read whole), leaves out the rows of
   * organisations no reference knows ({@link UnknownOrganisations}), computes every result and
   * replaces the analysis tables with them ({@link AnalysisTables}), records the rows each dataset
   * kept for the publish checks ({@link KeptRows}); says what it did on {@code out}.
   */
  public static AnalysisResults run(Catalog catalog, LakePaths lake, PrintWriter out) {
    return run(catalog, lake, out, false);
  }

  /**
   * As {@link #run(Catalog, LakePaths, PrintWriter)}; with {@code reuse}, the associations whose
   * inputs are the same as in the last analysis take their rows from its tables ({@link Reuse})
   * instead of being computed again. Either way the analysis's memo is removed before its tables
   * are replaced and written once they are all in place.
   */
  public static AnalysisResults run(Catalog catalog, LakePaths lake, PrintWriter out, boolean reuse) {
    long t0 = System.nanoTime();
    SmallTables.Contents contents = SmallTables.contents(lake.panel());
    UnknownOrganisations.Split panel = UnknownOrganisations.split(catalog, contents.columns(), contents.rows(),
        UnknownOrganisations.known(catalog, lake));
    java.nio.file.Path memo = lake.memo("analyze");
    Reuse same = Reuse.of(catalog, panel.analysed(), reuse ? UnitMemo.read(memo) : UnitMemo.empty(), lake);
    AnalysisResults results = analyse(catalog, panel.analysed(), successions(catalog, lake), panel.unknown(), same);
    UnitMemo.forget(memo);
    AnalysisTables.write(lake, results);
    KeptRows.write(catalog, lake, reuse);
    same.memo().write(memo);
    if (!panel.unknown().isEmpty()) {
      out.printf("analyze left out %d organisation code(s) that no reference knows: %s%n", panel.unknown().size(),
          String.join(", ", panel.unknown().stream().map(UnknownOrganisation::orgCode).limit(10).toList())
              + (panel.unknown().size() > 10 ? ", ..." : ""));
    }
    out.printf("analyze %,d correlation rows, %,d trend rows, %,d quintile share rows%s (%.1f s)%n",
        results.correlations().size(), results.trends().size(), results.shares().size(),
        same.reused() == 0 ? "" : String.format("; %d of %d associations unchanged since the last analysis, their rows"
            + " taken from it", same.reused(), same.associations()),
        (System.nanoTime() - t0) / 1e9);
    out.flush();
    return results;
  }

  /** The panel table at {@code table}, read without Spark. */
  public static PanelTable read(String table) {
    SmallTables.Contents panel = SmallTables.contents(table);
    return new PanelTable(panel.columns(), panel.rows());
  }

  /**
   * The dated successions, when the catalog restates merged organisations and its successors
   * dataset has an effective date; else null.
   */
  static Succession.Table successions(Catalog catalog, LakePaths lake) {
    Optional<DatasetDescriptor> successors = catalog.withRole(Role.SUCCESSORS).stream().findFirst();
    if (catalog.succession() != Catalog.Succession.RESTATE || successors.isEmpty()
        || successors.get().column(Succession.EFFECTIVE_DATE).isEmpty()) {
      return null;
    }
    return PanelStage.successions(catalog, lake);
  }

  /**
   * Every result the bundle shows.
   *
   * @param successions the dated successions when the catalog restates merged organisations, else null
   */
  public static AnalysisResults analyse(Catalog catalog, PanelTable panel, Succession.Table successions) {
    return analyse(catalog, panel, successions, List.of());
  }

  /**
   * Every result the bundle shows, from the panel's rows of known organisations.
   *
   * @param unknown the organisations left out of {@code panel}, listed with the results
   */
  public static AnalysisResults analyse(Catalog catalog, PanelTable panel, Succession.Table successions,
      List<UnknownOrganisation> unknown) {
    return analyse(catalog, panel, successions, unknown, Reuse.NONE);
  }

  private static AnalysisResults analyse(Catalog catalog, PanelTable panel, Succession.Table successions,
      List<UnknownOrganisation> unknown, Reuse reuse) {
    MeasureInfo headline = catalog.measure(catalog.analysis().headlineMeasure()).orElseThrow();
    Set<String> ordinal = catalog.outcomes().stream().filter(MeasureInfo::ordinal).map(MeasureInfo::name)
        .collect(Collectors.toSet());
    List<CorrelationRow> raw = Correlations.of(catalog, panel, reuse);
    Discoveries.Adjusted adjusted = Discoveries.adjust(raw, Models.of(catalog, panel, reuse), Pooling.of(raw, ordinal));
    List<CorrelationRow> correlations = adjusted.correlations();
    List<AnalysisResults.Forest> forests = new ArrayList<>();
    for (MeasureInfo o : catalog.outcomes()) {
      List<ForestRow> rows = o.ordinal() ? List.of() : Pooling.forest(headline, o, correlations, adjusted.pooled());
      if (!rows.isEmpty()) {
        forests.add(new AnalysisResults.Forest(headline.name(), o.name(), rows));
      }
    }
    return new AnalysisResults(correlations, TrendStage.trends(catalog, panel), ShareStage.shares(catalog, panel),
        Scatter.of(panel, headline, catalog.outcomes(), correlations),
        MergedSeries.of(panel, headline, successions), adjusted.models(), adjusted.pooled(), forests,
        Discoveries.findings(correlations, ordinal), unknown, StandingStage.of(catalog, panel),
        OrganisationYears.of(panel, successions));
  }
}
