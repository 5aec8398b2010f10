package org.staffoutcomes.analysis;

import java.util.List;
import org.staffoutcomes.standing.Standing;
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
 * @param models the regressions, term by term
 * @param pooled the random-effects pools of the yearly correlations
 * @param forests each headline pair's forest plot rows
 * @param findings the associations that survive the false discovery rate, strongest first
 * @param unknownOrganisations organisation codes no reference knows, left out of every figure above
 * @param standing each organisation's changes, benchmark positions, XmR charts and funnel plots
 * @param organisations each organisation-year of the panel: attributes and succession (the trust pages)
 */
public record AnalysisResults(List<CorrelationRow> correlations, List<TrendRow> trends, List<ShareRow> shares,
    List<Scatter> scatters, List<MergedYear> merged, List<ModelRow> models, List<PooledRow> pooled,
    List<Forest> forests, List<CorrelationRow> findings, List<UnknownOrganisation> unknownOrganisations,
    Standing standing, List<OrganisationYear> organisations) {

  /** A forest plot's rows for one staff measure and outcome. */
  public record Forest(String staffMeasure, String outcome, List<ForestRow> rows) {
    public Forest {
      rows = List.copyOf(rows);
    }
  }

  public AnalysisResults {
    correlations = List.copyOf(correlations);
    trends = List.copyOf(trends);
    shares = List.copyOf(shares);
    scatters = List.copyOf(scatters);
    merged = List.copyOf(merged);
    models = List.copyOf(models);
    pooled = List.copyOf(pooled);
    forests = List.copyOf(forests);
    findings = List.copyOf(findings);
    unknownOrganisations = List.copyOf(unknownOrganisations);
    organisations = List.copyOf(organisations);
  }
}
