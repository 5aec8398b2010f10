package org.staffoutcomes.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.staffoutcomes.stats.FalseDiscovery;

/**
 * False discovery control over the run, and the key findings.
 *
 * <p>The family is every test of an association between a staff measure and an outcome that the
 * run publishes: every correlation row (each method, lag, scope and year), each model's staff
 * measure term, and each random-effects pool. Their p-values are adjusted together by
 * Benjamini-Hochberg ({@link FalseDiscovery}). Intercepts and prior-outcome terms are not
 * association tests of a staff measure and are left out (their {@code p_adjusted} is empty).
 */
final class Discoveries {

  /** The false discovery rate a key finding must survive. */
  static final double RATE = 0.05;

  private Discoveries() {}

  /** The three result lists with their p adjusted across all of them. */
  record Adjusted(List<CorrelationRow> correlations, List<ModelRow> models, List<PooledRow> pooled) {}

  static Adjusted adjust(List<CorrelationRow> correlations, List<ModelRow> models, List<PooledRow> pooled) {
    List<Double> p = new ArrayList<>();
    correlations.forEach(c -> p.add(c.p()));
    models.forEach(m -> p.add(m.isStaffTerm() ? m.p() : Double.NaN));
    pooled.forEach(r -> p.add(r.p()));
    double[] adjusted = FalseDiscovery.benjaminiHochberg(p.stream().mapToDouble(Double::doubleValue).toArray());
    int[] i = {0};
    return new Adjusted(
        correlations.stream().map(c -> c.withPAdjusted(adjusted[i[0]++])).toList(),
        models.stream().map(m -> m.withPAdjusted(adjusted[i[0]++])).toList(),
        pooled.stream().map(r -> r.withPAdjusted(adjusted[i[0]++])).toList());
  }

  /**
   * The key findings: every staff measure's association with every outcome over all trust-years
   * (the {@code pooled} row, all trusts, each lag) that survives the false discovery rate, by
   * Pearson for interval outcomes and Spearman for ordinal ones; strongest first.
   */
  static List<CorrelationRow> findings(List<CorrelationRow> adjusted, Set<String> ordinalOutcomes) {
    return adjusted.stream()
        .filter(c -> c.year().equals(CorrelationRow.POOLED) && c.scope().equals(CorrelationRow.ALL_SCOPES)
            && c.method().equals(ordinalOutcomes.contains(c.outcome()) ? CorrelationRow.SPEARMAN : CorrelationRow.PEARSON)
            && c.pAdjusted() < RATE)
        .sorted(Comparator.<CorrelationRow>comparingDouble(c -> -Math.abs(c.r())).thenComparing(Correlations.ORDER))
        .toList();
  }
}
