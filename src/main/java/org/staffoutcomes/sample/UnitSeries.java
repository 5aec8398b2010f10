package org.staffoutcomes.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One outcome's trust-years as the panel will hold them, for planting an effect on exactly those
 * values: per final organisation ({@link Successions#units}, a merged trust's predecessors counted
 * under it) of a group that reports the outcome, and per year {@code firstYear - 1 .. lastYear +
 * 1}: the published engagement score as the panel restates it (NaN in a year without one), its
 * base (the panel's {@code engagement_n}, the weight of the weighted models), the score the
 * latent engagement gives unrounded (standing in where none is published), and whether the
 * outcome's dataset has any of the trust's organisations that year.
 */
final class UnitSeries {

  private final int baseYear;
  private final List<Organisation> units;
  private final Map<Integer, Integer> position;
  /** [unit][year - baseYear]: the published (restated) engagement score, or NaN. */
  final double[][] engagement;
  /** [unit][year - baseYear]: its base; 0 without a score. */
  final double[][] base;
  /** [unit][year - baseYear]: the published score, else the latent engagement's score. */
  final double[][] engagementOrLatent;
  /** [unit][year - baseYear]: whether the outcome dataset has the trust that year. */
  final boolean[][] outcomeShown;

  private UnitSeries(int baseYear, List<Organisation> units, Map<Integer, Integer> position,
      double[][] engagement, double[][] base, double[][] engagementOrLatent,
      boolean[][] outcomeShown) {
    this.baseYear = baseYear;
    this.units = units;
    this.position = position;
    this.engagement = engagement;
    this.base = base;
    this.engagementOrLatent = engagementOrLatent;
    this.outcomeShown = outcomeShown;
  }

  static UnitSeries of(SampleWorld world, OutcomeSpec spec) {
    SampleOptions options = world.options();
    int baseYear = options.firstYear() - 1;
    int years = options.surveyYears() + 2;
    List<Organisation> units = new ArrayList<>();
    Map<Integer, Integer> position = new HashMap<>();
    for (Organisation unit : world.successions().units()) {
      if (spec.covers(unit.group())) {
        for (Organisation member : world.successions().members(unit)) {
          position.put(member.index(), units.size());
        }
        units.add(unit);
      }
    }
    int n = units.size();
    double[][] engagement = new double[n][years];
    double[][] base = new double[n][years];
    double[][] standIn = new double[n][years];
    boolean[][] shown = new boolean[n][years];
    for (int i = 0; i < n; i++) {
      Organisation unit = units.get(i);
      List<Organisation> members = world.successions().members(unit);
      for (int k = 0; k < years; k++) {
        int year = baseYear + k;
        boolean surveyed = year >= options.firstYear() && year <= options.lastYear();
        engagement[i][k] = surveyed
            ? StaffSurveyWriter.restatedEngagement(world, unit, year) : Double.NaN;
        base[i][k] = surveyed ? StaffSurveyWriter.restatedEngagementBase(world, unit, year) : 0;
        standIn[i][k] = Double.isNaN(engagement[i][k])
            ? EngagementScale.score(unit.group(), year, world.latent().engagement(unit, year))
            : engagement[i][k];
        shown[i][k] = world.coverage().outcomeRow(spec, members, year);
      }
    }
    return new UnitSeries(baseYear, List.copyOf(units), position, engagement, base, standIn,
        shown);
  }

  int size() {
    return units.size();
  }

  int years() {
    return engagement.length == 0 ? 0 : engagement[0].length;
  }

  /** The calendar (or financial) year of column {@code k}. */
  int year(int k) {
    return baseYear + k;
  }

  Organisation unit(int i) {
    return units.get(i);
  }

  /** The position of the trust whose series the organisation's rows count under, or -1. */
  int indexOf(Organisation org) {
    return position.getOrDefault(org.index(), -1);
  }

  /** Standard normal draws, [unit][year - baseYear], in unit then year order. */
  double[][] gaussians(Rng rng) {
    double[][] out = new double[size()][years()];
    for (double[] row : out) {
      for (int k = 0; k < row.length; k++) {
        row[k] = rng.gaussian();
      }
    }
    return out;
  }

  /**
   * The pooled Pearson correlation of the published engagement score of survey year {@code t}
   * with {@code y} of year {@code t + lag}, over every trust-year with both (the outcome shown).
   */
  double pearson(double[][] y, int lag) {
    int n = pairs(lag);
    double[] xs = new double[n];
    double[] ys = new double[n];
    int j = 0;
    for (int i = 0; i < size(); i++) {
      for (int k = 1; k + lag < years() && k < years() - 1; k++) {
        if (!Double.isNaN(engagement[i][k]) && outcomeShown[i][k + lag]) {
          xs[j] = engagement[i][k];
          ys[j++] = y[i][k + lag];
        }
      }
    }
    return Ranks.pearson(xs, ys);
  }

  /** Trust-years the pooled correlation at the lag rests on. */
  int pairs(int lag) {
    int n = 0;
    for (int i = 0; i < size(); i++) {
      for (int k = 1; k + lag < years() && k < years() - 1; k++) {
        if (!Double.isNaN(engagement[i][k]) && outcomeShown[i][k + lag]) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * Two coefficients near {@code start} with which {@code simulate} (values [unit][year - baseYear],
   * or null where the coefficients are infeasible) shows the outcome's target pooled correlations
   * at lag 0 and lag 1 ({@link Newton}); null when there are fewer than 10 pairs at a lag or the
   * method fails.
   */
  double[] solveTargets(OutcomeSpec spec, Function<double[], double[][]> simulate,
      double[] start) {
    if (pairs(0) < 10 || pairs(1) < 10) {
      return null;
    }
    return Newton.solve(p -> {
      double[][] y = simulate.apply(p);
      return y == null ? null
          : new double[] {pearson(y, 0) - spec.target(0), pearson(y, 1) - spec.target(1)};
    }, start);
  }

  /** The organisation's value in the year: its trust's, from {@code values} [unit][year - baseYear]. */
  double valueOf(double[][] values, OutcomeSpec spec, Organisation org, int year) {
    int i = indexOf(org);
    if (i < 0) {
      throw new IllegalArgumentException(org.code() + " reports no " + spec.measure());
    }
    return values[i][year - baseYear];
  }
}
