package org.staffoutcomes.scores;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.staffoutcomes.ingest.LakeRows;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.schema.QuestionCatalogue.Item;
import org.staffoutcomes.schema.SurveyColumns;
import org.staffoutcomes.stats.SurveyScoring;

/**
 * Runs on an executor: one organisation's published distributions in, its score row out. An
 * item's mean and percent positive come from its distribution divided by the distribution's own
 * total; its base is its respondents column. A score over items is the mean of the item means
 * present (items are averaged, not respondents: distributions cannot tell who answered what);
 * a score over parts is the mean of its parts, all present; a percent score is the mean of its
 * items' percentages positive, all present (exactly as from microdata). A score's base is the
 * smallest base behind it.
 */
final class RowScorer implements Serializable {

  private final DatasetDescriptor d;
  private final ScorePlans plans;
  private final List<String> attributes;
  private final int[][] answerField;
  private final int[] respondentsField;
  private final int yearField;

  RowScorer(DatasetDescriptor d, List<String> attributes, StructType schema) {
    this.d = d;
    this.plans = new ScorePlans(d.survey());
    this.attributes = List.copyOf(attributes);
    List<Item> items = d.survey().heldItems();
    answerField = new int[items.size()][];
    respondentsField = new int[items.size()];
    for (int j = 0; j < items.size(); j++) {
      Item item = items.get(j);
      answerField[j] = new int[item.options()];
      for (int p = 1; p <= item.options(); p++) {
        answerField[j][p - 1] = schema.fieldIndex(SurveyColumns.answer(item, p));
      }
      respondentsField[j] = schema.fieldIndex(SurveyColumns.itemRespondents(item));
    }
    yearField = schema.fieldIndex(LakeRows.YEAR);
  }

  Row score(Row r) {
    SurveyScoring.Plan plan = plans.forYear(r.getInt(yearField));
    int items = answerField.length;
    double[] mean = new double[items];
    double[] positive = new double[items];
    Long[] base = new Long[items];
    for (int j = 0; j < items; j++) {
      double[] counts = new double[answerField[j].length];
      boolean any = false;
      for (int p = 0; p < counts.length; p++) {
        if (!r.isNullAt(answerField[j][p])) {
          counts[p] = r.getDouble(answerField[j][p]);
          any = true;
        }
      }
      mean[j] = any ? SurveyScoring.distributionMean(counts, plan.values()[j]) : Double.NaN;
      positive[j] = any ? SurveyScoring.distributionPositive(counts, plan.positive()[j]) : Double.NaN;
      base[j] = r.isNullAt(respondentsField[j]) ? null : r.getLong(respondentsField[j]);
    }
    int scores = plan.scoreItems().length;
    double[] score = new double[scores];
    Long[] scoreBase = new Long[scores];
    boolean[] done = new boolean[scores];
    for (int s = 0; s < scores; s++) {
      compute(s, plan, mean, positive, base, score, scoreBase, done);
    }
    List<Object> out = ScoreStage.keyFields(r, d, attributes);
    for (int s = 0; s < scores; s++) {
      out.add(ScoreStage.orNull(score[s]));
      out.add(Double.isNaN(score[s]) ? null : scoreBase[s]);
    }
    for (int j = 0; j < items; j++) {
      out.add(ScoreStage.orNull(mean[j]));
      out.add(ScoreStage.orNull(positive[j]));
      out.add(base[j]);
    }
    return ScoreStage.row(out);
  }

  private static void compute(int s, SurveyScoring.Plan plan, double[] mean, double[] positive, Long[] base,
      double[] score, Long[] scoreBase, boolean[] done) {
    if (done[s]) {
      return;
    }
    int[] items = plan.scoreItems()[s];
    int[] parts = plan.scoreParts()[s];
    if (plan.percent()[s]) {
      score[s] = SurveyScoring.percentScore(positive, items);
      Long smallest = null;
      for (int j : items) {
        smallest = min(smallest, base[j]);
      }
      scoreBase[s] = smallest;
      done[s] = true;
      return;
    }
    double sum = 0;
    int n = 0;
    Long smallest = null;
    boolean complete = true;
    for (int j : items) {
      if (!Double.isNaN(mean[j])) {
        sum += mean[j];
        n++;
        smallest = min(smallest, base[j]);
      }
    }
    for (int p : parts) {
      compute(p, plan, mean, positive, base, score, scoreBase, done);
      if (Double.isNaN(score[p])) {
        complete = false;
      } else {
        sum += score[p];
        n++;
        smallest = min(smallest, scoreBase[p]);
      }
    }
    score[s] = n == 0 || !complete ? Double.NaN : sum / n;
    scoreBase[s] = smallest;
    done[s] = true;
  }

  /** The smaller of two bases, either of which may be missing (no boxing through a ternary). */
  private static Long min(Long a, Long b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return Math.min(a, b);
  }
}
