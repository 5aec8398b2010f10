package org.staffoutcomes.bundle;

import java.nio.file.Path;
import java.util.List;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.analysis.UnknownOrganisation;
import org.staffoutcomes.publish.Verdict;
import org.staffoutcomes.trends.TrendRow;

/**
 * The run's result tables, written as {@code data/correlations.csv} and {@code data/trends.csv}.
 *
 * @param quarantineCsv a CSV of rejected rows to copy to {@code data/quarantine.csv}, or null
 * @param findings plain-language key findings for the top of the index page (may be empty)
 * @param verdict what the publish checks decided (recorded in the manifest, shown on the index
 *     page), or null when the bundle was not checked
 * @param unknownOrganisations organisation codes that no reference knows, left out of the figures
 *     and listed on the index page (may be empty)
 */
public record BundleData(List<CorrelationRow> correlations, List<TrendRow> trends,
    Path quarantineCsv, List<String> findings, Verdict verdict, List<UnknownOrganisation> unknownOrganisations) {

  public BundleData {
    correlations = List.copyOf(correlations);
    trends = List.copyOf(trends);
    findings = findings == null ? List.of() : List.copyOf(findings);
    unknownOrganisations = unknownOrganisations == null ? List.of() : List.copyOf(unknownOrganisations);
  }

  public BundleData(List<CorrelationRow> correlations, List<TrendRow> trends, Path quarantineCsv,
      List<String> findings) {
    this(correlations, trends, quarantineCsv, findings, null, List.of());
  }

  public BundleData(List<CorrelationRow> correlations, List<TrendRow> trends, Path quarantineCsv) {
    this(correlations, trends, quarantineCsv, List.of());
  }

  public static BundleData of(List<CorrelationRow> correlations, List<TrendRow> trends) {
    return new BundleData(correlations, trends, null, List.of());
  }
}
