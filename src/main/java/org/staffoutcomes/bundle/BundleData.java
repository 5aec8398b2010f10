package org.staffoutcomes.bundle;

import java.nio.file.Path;
import java.util.List;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.trends.TrendRow;

/**
 * The run's result tables, written as {@code data/correlations.csv} and {@code data/trends.csv}.
 *
 * @param quarantineCsv a CSV of rejected rows to copy to {@code data/quarantine.csv}, or null
 */
public record BundleData(List<CorrelationRow> correlations, List<TrendRow> trends,
    Path quarantineCsv) {

  public BundleData {
    correlations = List.copyOf(correlations);
    trends = List.copyOf(trends);
  }

  public static BundleData of(List<CorrelationRow> correlations, List<TrendRow> trends) {
    return new BundleData(correlations, trends, null);
  }
}
