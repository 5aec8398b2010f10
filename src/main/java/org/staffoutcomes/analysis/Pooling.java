package org.staffoutcomes.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.stats.PooledEstimate;
import org.staffoutcomes.stats.RandomEffects;

/**
 * Random-effects pooling of the yearly Pearson correlations of each association (DerSimonian-Laird
 * on Fisher's z, {@link RandomEffects}), and the forest plots' rows: each year's r, the trust-year
 * pooled r and the random-effects pooled r.
 */
final class Pooling {

  private Pooling() {}

  /**
   * One pooled row per (staff measure, interval outcome, lag, scope) that has a yearly Pearson row.
   * Ordinal outcomes get none: they have no Pearson r (a year with too few pairs still has a Pearson
   * row, noted "fewer than ...", which must not make a pool of its own).
   */
  static List<PooledRow> of(List<CorrelationRow> correlations, Set<String> ordinalOutcomes) {
    Map<String, List<CorrelationRow>> yearly = new LinkedHashMap<>();
    for (CorrelationRow c : correlations) {
      if (c.method().equals(CorrelationRow.PEARSON) && !c.year().equals(CorrelationRow.POOLED)
          && !ordinalOutcomes.contains(c.outcome())) {
        yearly.computeIfAbsent(String.join("\u0000", c.staffMeasure(), c.outcome(), "" + c.lag(), c.scope()),
            k -> new ArrayList<>()).add(c);
      }
    }
    List<PooledRow> out = new ArrayList<>();
    for (List<CorrelationRow> years : yearly.values()) {
      CorrelationRow first = years.get(0);
      PooledEstimate e = pool(years);
      String note = e.k() == 0 ? "no year with a coefficient" : e.k() == 1 ? "one year only: nothing to pool" : "";
      out.add(new PooledRow(first.staffMeasure(), first.outcome(), first.lag(), first.scope(),
          PooledRow.RANDOM_EFFECTS_DL, e.k(), e.estimate(), e.ciLow(), e.ciHigh(), e.p(), Double.NaN, e.tau2(),
          e.i2(), e.q(), note));
    }
    return out;
  }

  private static PooledEstimate pool(List<CorrelationRow> years) {
    return RandomEffects.derSimonianLaird(years.stream().mapToDouble(CorrelationRow::r).toArray(),
        years.stream().mapToInt(c -> (int) c.n()).toArray());
  }

  /**
   * A forest plot's rows for the staff measure and the outcome (lag 0, all trusts): each year's
   * Pearson r with its weight (percent) in the random-effects pool, then the trust-year pooled row
   * and the random-effects row. Empty when the association has no yearly Pearson row.
   */
  static List<ForestRow> forest(MeasureInfo staff, MeasureInfo outcome, List<CorrelationRow> correlations,
      List<PooledRow> pooled) {
    List<CorrelationRow> rows = correlations.stream()
        .filter(c -> c.staffMeasure().equals(staff.name()) && c.outcome().equals(outcome.name()) && c.lag() == 0
            && c.scope().equals(CorrelationRow.ALL_SCOPES) && c.method().equals(CorrelationRow.PEARSON))
        .toList();
    Optional<PooledRow> re = pooled.stream().filter(p -> p.staffMeasure().equals(staff.name())
        && p.outcome().equals(outcome.name()) && p.lag() == 0 && p.scope().equals(CorrelationRow.ALL_SCOPES))
        .findFirst();
    if (re.isEmpty() || rows.stream().noneMatch(c -> !c.year().equals(CorrelationRow.POOLED))) {
      return List.of();
    }
    double tau2 = re.get().tau2();
    double totalWeight = rows.stream().filter(c -> !c.year().equals(CorrelationRow.POOLED) && pooledYear(c))
        .mapToDouble(c -> weight(c, tau2)).sum();
    List<ForestRow> out = new ArrayList<>();
    long n = 0;
    for (CorrelationRow c : rows) {
      if (!c.year().equals(CorrelationRow.POOLED)) {
        out.add(ForestRow.of(c).withWeight(pooledYear(c) ? 100 * weight(c, tau2) / totalWeight : Double.NaN));
        n += pooledYear(c) ? c.n() : 0;
      }
    }
    rows.stream().filter(c -> c.year().equals(CorrelationRow.POOLED)).findFirst().map(ForestRow::of)
        .ifPresent(out::add);
    PooledRow p = re.get();
    out.add(ForestRow.randomEffects(p.estimate(), p.ciLow(), p.ciHigh(), n, String.format(java.util.Locale.ROOT,
        "tau^2 = %.4f, I^2 = %.0f%%, k = %d years", p.tau2(), p.i2(), p.k())));
    return out;
  }

  /** True when the year's coefficient enters the random-effects pool. */
  private static boolean pooledYear(CorrelationRow c) {
    return Double.isFinite(c.r()) && c.n() > 3;
  }

  /** The year's random-effects weight 1 / (1/(n-3) + tau^2). */
  private static double weight(CorrelationRow c, double tau2) {
    return 1 / (1.0 / (c.n() - 3) + tau2);
  }
}
