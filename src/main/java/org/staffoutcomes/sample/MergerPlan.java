package org.staffoutcomes.sample;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which organisations merge, and when. A merger takes effect on 1 April of a year inside the
 * survey range (never the first or last survey year, so each series has years on both sides),
 * between trusts of one benchmarking group and region that exist throughout the period; a new
 * trust code succeeds them.
 *
 * <p>About one merger per 50 organisations, at least three in a sample of 60 or more over five
 * or more survey years: the first joins two acute trusts, the second three mental health trusts,
 * the third the first's successor and one more acute trust of its region (a chain, as happened
 * to several real trusts), the others two trusts each. Samples of fewer than five survey years
 * have none.
 */
final class MergerPlan {

  /**
   * One merger.
   *
   * @param predecessors the drawn organisations that merge
   * @param year the successor exists from 1 April of this year
   * @param after index of an earlier merger whose successor also merges here, or -1
   */
  record Merger(List<Organisation> predecessors, int year, int after) {}

  private MergerPlan() {}

  /** How many mergers (so how many successor organisations) a run has. */
  static int count(SampleOptions options) {
    if (options.surveyYears() < 5) {
      return 0;
    }
    int n = options.organisations();
    return n >= 60 ? Math.max(3, n / 50) : n / 20;
  }

  /**
   * @param drawn the organisations before any merger
   * @throws IllegalStateException if no group has trusts enough to merge (not for 20 or more
   *     organisations)
   */
  static List<Merger> plan(List<Organisation> drawn, SampleOptions options, Rng rng) {
    Set<String> used = new HashSet<>();
    List<Merger> plan = new ArrayList<>();
    int count = count(options);
    int first = options.firstYear() + 1;
    int last = options.lastYear() - 1;
    for (int k = 0; k < count; k++) {
      if (k == 2) {
        Merger earlier = plan.get(0);
        Region region = earlier.predecessors().get(0).region();
        List<Organisation> more =
            pick(drawn, BenchmarkGroup.ACUTE, region, 1, 0, options, used, rng);
        if (more != null) {
          plan.add(new Merger(more, rng.intBetween(earlier.year() + 2, last), 0));
          continue;
        }
      }
      BenchmarkGroup group = k == 0 ? BenchmarkGroup.ACUTE
          : k == 1 ? BenchmarkGroup.MENTAL_HEALTH : drawGroup(rng);
      int size = k == 1 ? 3 : 2;
      // The first merger keeps a trust of its region back for the chain.
      int spare = k == 0 && count > 2 ? 1 : 0;
      List<Organisation> merging = pick(drawn, group, null, size, spare, options, used, rng);
      if (merging == null) {
        merging = pick(drawn, BenchmarkGroup.ACUTE, null, size, spare, options, used, rng);
      }
      if (merging == null) {
        throw new IllegalStateException("cannot plan merger " + (k + 1) + " of " + count
            + ": too few " + group + " trusts in one region");
      }
      int latest = k == 0 && count > 2 ? last - 2 : last;
      plan.add(new Merger(merging, rng.intBetween(first, latest), -1));
    }
    return plan;
  }

  /** Acute trusts merge most often, then mental health and community trusts. */
  private static BenchmarkGroup drawGroup(Rng rng) {
    double u = rng.uniform();
    return u < 0.6 ? BenchmarkGroup.ACUTE
        : u < 0.85 ? BenchmarkGroup.MENTAL_HEALTH : BenchmarkGroup.COMMUNITY;
  }

  /**
   * {@code size} trusts of the group in one region (the given one, or one drawn among those with
   * {@code size + spare} candidates left), or null when there is no such region.
   */
  private static List<Organisation> pick(List<Organisation> drawn, BenchmarkGroup group,
      Region region, int size, int spare, SampleOptions options, Set<String> used, Rng rng) {
    Map<Region, List<Organisation>> candidates = new EnumMap<>(Region.class);
    for (Organisation org : drawn) {
      boolean throughout = org.startYear() < options.firstYear()
          && org.endYear() == options.lastOutcomeYear();
      if (org.group() == group && throughout && !used.contains(org.code())
          && (region == null || org.region() == region)) {
        candidates.computeIfAbsent(org.region(), r -> new ArrayList<>()).add(org);
      }
    }
    List<Region> eligible = candidates.keySet().stream()
        .filter(r -> candidates.get(r).size() >= size + spare).toList();
    if (eligible.isEmpty()) {
      return null;
    }
    List<Organisation> pool = new ArrayList<>(candidates.get(rng.pick(eligible)));
    List<Organisation> chosen = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Organisation org = pool.remove(rng.intBetween(0, pool.size() - 1));
      chosen.add(org);
      used.add(org.code());
    }
    return chosen;
  }
}
