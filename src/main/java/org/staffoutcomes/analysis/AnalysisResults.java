package org.staffoutcomes.analysis;

import java.util.List;
import org.staffoutcomes.trends.TrendRow;

/**
 * Every number the bundle shows, as the analysis stage computed it and the render stage reads it
 * back from {@code lake/analysis/}: the render stage draws and words them, and computes nothing.
 *
 * @param correlations every correlation row, its p adjusted across the run
 * @param trends each measure's distribution over organisations per year and group
 * @param shares ordinal outcomes' shares per quintile of the headline measure
 * @param scatters the headline measure against each interval outcome in its latest year
 * @param merged the headline measure's series of organisations formed by mergers
 */
public record AnalysisResults(List<CorrelationRow> correlations, List<TrendRow> trends, List<ShareRow> shares,
    List<Scatter> scatters, List<MergedYear> merged) {

  public AnalysisResults {
    correlations = List.copyOf(correlations);
    trends = List.copyOf(trends);
    shares = List.copyOf(shares);
    scatters = List.copyOf(scatters);
    merged = List.copyOf(merged);
  }
}
