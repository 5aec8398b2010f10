package org.staffoutcomes.stats;

import java.util.Arrays;

/**
 * Staff Survey scores of one organisation and year, by the published method, over plain arrays.
 *
 * <ul>
 *   <li>An answer at favourable position {@code p} of an item scores {@code values[item][p - 1]}
 *       (five options on the 0-10 axis: 0, 2.5, 5, 7.5, 10).
 *   <li>A respondent's score over items is the mean of the items they answered (at least one); a
 *       score over parts is the mean of their part scores, all of which must be present.
 *   <li>An organisation's score is the weighted mean of its respondents' scores,
 *       {@code sum(w_i x_i) / sum(w_i)} over respondents who have the score; its base is how many
 *       respondents have it. Unweighted: every {@code w_i = 1}.
 *   <li>An item's mean and percent positive are formed from the (weighted) count of answers at each
 *       position by {@link #distributionMean} and {@link #distributionPositive}, the same functions
 *       that score a published distribution: microdata and the distribution derived from them give
 *       bit-identical unweighted item results.
 *   <li>A percent score (e.g. the Freedom to Speak Up index) is not a respondent's score: it is
 *       {@link #percentScore}, the mean of its items' percentages positive, all of which must be
 *       present; its base is the smallest of its items' bases. Being formed from item results
 *       alone, it too is bit-identical from microdata (unweighted) and from their distributions.
 * </ul>
 */
public final class SurveyScoring {

  private SurveyScoring() {}

  /**
   * What is scored.
   *
   * @param values per item, the score of each favourable position 1..options
   * @param positive per item, whether each position counts as positive
   * @param scoreItems per score, the items it averages (empty for a score over parts)
   * @param scoreParts per score, the scores it averages (empty for a score over items)
   * @param percent per score, whether it is a percent score (the mean of its items' percentages
   *     positive) rather than a mean of respondents' scores; a percent score is no other's part
   */
  public record Plan(double[][] values, boolean[][] positive, int[][] scoreItems, int[][] scoreParts,
      boolean[] percent) {

    /** A plan of mean scores only. */
    public Plan(double[][] values, boolean[][] positive, int[][] scoreItems, int[][] scoreParts) {
      this(values, positive, scoreItems, scoreParts, new boolean[scoreItems.length]);
    }

    /** The order in which scores can be computed (parts before the scores made of them). */
    int[] order() {
      int n = scoreItems.length;
      int[] out = new int[n];
      boolean[] done = new boolean[n];
      int k = 0;
      while (k < n) {
        int before = k;
        for (int s = 0; s < n; s++) {
          if (!done[s] && Arrays.stream(scoreParts[s]).allMatch(p -> done[p])) {
            done[s] = true;
            out[k++] = s;
          }
        }
        if (k == before) {
          throw new IllegalArgumentException("Cannot score: the scores' parts form a cycle");
        }
      }
      return out;
    }
  }

  /**
   * An organisation's results under one weighting.
   *
   * @param itemMean per item: mean score of the answers (NaN when nobody answered)
   * @param itemPositive per item: percentage of answers at a positive position (NaN likewise)
   * @param itemBase per item: respondents who answered (unweighted count)
   * @param score per score: mean respondent score (NaN when no respondent has it)
   * @param scoreBase per score: respondents who have the score
   */
  public record Result(double[] itemMean, double[] itemPositive, long[] itemBase, double[] score, long[] scoreBase) {}

  /**
   * Scores one organisation's respondents.
   *
   * @param answers respondent x item: favourable position (1-based), 0 for no scored answer
   * @param weights one weight per respondent (all 1 for unweighted results)
   * @throws IllegalArgumentException for a position outside the item's options, or a weight that
   *     is not positive and finite
   */
  public static Result score(int[][] answers, double[] weights, Plan plan) {
    int items = plan.values().length;
    int scores = plan.scoreItems().length;
    if (answers.length != weights.length) {
      throw new IllegalArgumentException("Cannot score: " + answers.length + " respondents but "
          + weights.length + " weights");
    }
    double[][] counts = new double[items][];
    for (int j = 0; j < items; j++) {
      counts[j] = new double[plan.values()[j].length];
    }
    long[] itemBase = new long[items];
    double[] scoreSum = new double[scores];
    double[] weightSum = new double[scores];
    long[] scoreBase = new long[scores];
    int[] order = plan.order();
    double[] respondent = new double[scores];
    for (int i = 0; i < answers.length; i++) {
      double w = weights[i];
      if (!(w > 0) || !Double.isFinite(w)) {
        throw new IllegalArgumentException("Cannot score: weight of respondent " + i + " is " + w);
      }
      int[] a = answers[i];
      for (int j = 0; j < items; j++) {
        int p = a[j];
        if (p == 0) {
          continue;
        }
        if (p < 0 || p > counts[j].length) {
          throw new IllegalArgumentException("Cannot score: respondent " + i + " item " + j + " has position " + p
              + ", outside 1.." + counts[j].length);
        }
        counts[j][p - 1] += w;
        itemBase[j]++;
      }
      for (int s : order) {
        if (plan.percent()[s]) {
          respondent[s] = Double.NaN;
          continue;
        }
        respondent[s] = respondentScore(a, plan, s, respondent);
        if (!Double.isNaN(respondent[s])) {
          scoreSum[s] += w * respondent[s];
          weightSum[s] += w;
          scoreBase[s]++;
        }
      }
    }
    double[] itemMean = new double[items];
    double[] itemPositive = new double[items];
    for (int j = 0; j < items; j++) {
      itemMean[j] = distributionMean(counts[j], plan.values()[j]);
      itemPositive[j] = distributionPositive(counts[j], plan.positive()[j]);
    }
    double[] score = new double[scores];
    for (int s = 0; s < scores; s++) {
      if (plan.percent()[s]) {
        score[s] = percentScore(itemPositive, plan.scoreItems()[s]);
        scoreBase[s] = Double.isNaN(score[s]) ? 0 : smallestBase(itemBase, plan.scoreItems()[s]);
        continue;
      }
      score[s] = scoreBase[s] == 0 ? Double.NaN : scoreSum[s] / weightSum[s];
    }
    return new Result(itemMean, itemPositive, itemBase, score, scoreBase);
  }

  /** One respondent's score {@code s}, given their part scores already computed; NaN when absent. */
  private static double respondentScore(int[] a, Plan plan, int s, double[] computed) {
    int[] items = plan.scoreItems()[s];
    if (items.length > 0) {
      double sum = 0;
      int answered = 0;
      for (int j : items) {
        if (a[j] != 0) {
          sum += plan.values()[j][a[j] - 1];
          answered++;
        }
      }
      return answered == 0 ? Double.NaN : sum / answered;
    }
    return meanOfAll(computed, plan.scoreParts()[s]);
  }

  /**
   * A percent score: the mean of the percentages positive of {@code items}, in the order given,
   * {@code sum(itemPositive[j]) / k}; NaN when any of them is NaN (an item nobody answered, or not
   * asked that year): the index is defined over all of its items.
   *
   * @param itemPositive per item, its percentage of answers at positive positions
   * @param items the score's items (indices into {@code itemPositive})
   */
  public static double percentScore(double[] itemPositive, int[] items) {
    return meanOfAll(itemPositive, items);
  }

  /** The mean of {@code values} at {@code indices}, summed in that order; NaN if any is NaN or none. */
  private static double meanOfAll(double[] values, int[] indices) {
    if (indices.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int j : indices) {
      if (Double.isNaN(values[j])) {
        return Double.NaN;
      }
      sum += values[j];
    }
    return sum / indices.length;
  }

  /** The smallest of the bases of {@code items} (0 for none). */
  public static long smallestBase(long[] itemBase, int[] items) {
    long smallest = Long.MAX_VALUE;
    for (int j : items) {
      smallest = Math.min(smallest, itemBase[j]);
    }
    return items.length == 0 ? 0 : smallest;
  }

  /**
   * The mean score of a distribution: {@code sum(c_p v_p) / sum(c_p)}, divided by the
   * distribution's own total (published percentages are rounded and need not add up to 100).
   *
   * @param counts count, weighted count or percentage giving each answer
   * @param values score of each answer
   * @return NaN when the total is 0
   */
  public static double distributionMean(double[] counts, double[] values) {
    double total = 0;
    double sum = 0;
    for (int p = 0; p < counts.length; p++) {
      total += counts[p];
      sum += counts[p] * values[p];
    }
    return total == 0 ? Double.NaN : sum / total;
  }

  /** The percentage of a distribution at positive positions; NaN when its total is 0. */
  public static double distributionPositive(double[] counts, boolean[] positive) {
    double total = 0;
    double hits = 0;
    for (int p = 0; p < counts.length; p++) {
      total += counts[p];
      if (positive[p]) {
        hits += counts[p];
      }
    }
    return total == 0 ? Double.NaN : 100.0 * hits / total;
  }

  /**
   * Weights that bring an organisation's group mix to a reference mix: a respondent in group
   * {@code g} weighs {@code reference[g] / (n_g / n)}, where {@code n_g} of the organisation's
   * {@code n} respondents are in {@code g}. Groups of the reference with no respondents here carry
   * no weight; their share is not moved to other groups.
   *
   * @param group each respondent's group index
   * @param reference each group's share of the reference (national) respondents
   */
  public static double[] weightsToReference(int[] group, double[] reference) {
    long[] n = new long[reference.length];
    for (int g : group) {
      n[g]++;
    }
    double[] w = new double[group.length];
    for (int i = 0; i < group.length; i++) {
      w[i] = reference[group[i]] / ((double) n[group[i]] / group.length);
    }
    return w;
  }
}
