package org.staffoutcomes.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.panel.Succession;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.standing.StandingStage;
import org.staffoutcomes.trends.TrendStage;

/**
 * Analysis: the panel in, every number the bundle shows out ({@link AnalysisResults}). The panel
 * is small by construction (one row per organisation and year), so it is collected once and every
 * statistic is a pure function over its arrays (trends and quintile shares too); Spark's part is
 * reading it.
 */
public final class AnalysisStage {

  /** The outcome's window relative to the survey year: the same year, and one year later. */
  public static final int[] LAGS = {0, 1};

  private AnalysisStage() {}

  /** The panel, collected to the driver once (a few thousand organisation-years). */
  public static PanelTable collect(Dataset<Row> panel) {
    List<Object[]> rows = new ArrayList<>();
    for (Row r : panel.collectAsList()) {
      Object[] values = new Object[r.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = r.isNullAt(i) ? null : r.get(i);
      }
      rows.add(values);
    }
    return new PanelTable(List.of(panel.columns()), rows);
  }

  /**
   * Every result the bundle shows.
   *
   * @param successions the dated successions when the catalog restates merged organisations, else null
   */
  public static AnalysisResults analyse(Catalog catalog, PanelTable panel, Succession.Table successions) {
    MeasureInfo headline = catalog.measure(catalog.analysis().headlineMeasure()).orElseThrow();
    Set<String> ordinal = catalog.outcomes().stream().filter(MeasureInfo::ordinal).map(MeasureInfo::name)
        .collect(Collectors.toSet());
    List<CorrelationRow> raw = Correlations.of(catalog, panel);
    Discoveries.Adjusted adjusted = Discoveries.adjust(raw, Models.of(catalog, panel), Pooling.of(raw, ordinal));
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
        Discoveries.findings(correlations, ordinal), StandingStage.of(catalog, panel));
  }
}
