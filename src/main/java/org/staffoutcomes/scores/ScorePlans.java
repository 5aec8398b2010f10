package org.staffoutcomes.scores;

import java.util.List;
import org.staffoutcomes.schema.SurveySpec;
import org.staffoutcomes.schema.QuestionCatalogue.Item;
import org.staffoutcomes.schema.QuestionCatalogue.Score;
import org.staffoutcomes.schema.QuestionCatalogue.SurveyYear;
import org.staffoutcomes.stats.SurveyScoring;

/**
 * Turns the question catalogue and one year's mapping into the arrays the scoring works on; an
 * instance keeps each year's plan (an executor scores many organisations of the same years) and
 * may be shared by threads (the driver scores a small dataset on all its cores).
 */
final class ScorePlans implements java.io.Serializable {

  private final SurveySpec survey;
  private transient java.util.Map<Integer, SurveyScoring.Plan> byYear;

  ScorePlans(SurveySpec survey) {
    this.survey = survey;
  }

  /** The plan of survey year {@code year}, which the question catalogue maps. */
  synchronized SurveyScoring.Plan forYear(int year) {
    if (byYear == null) {
      byYear = new java.util.HashMap<>();
    }
    return byYear.computeIfAbsent(year, y -> plan(survey, survey.catalogue().year(y).orElseThrow()));
  }

  /** The plan over the items and scores the dataset holds ({@link SurveySpec#heldItems()}). */
  static SurveyScoring.Plan plan(SurveySpec survey, SurveyYear year) {
    List<Item> items = survey.heldItems();
    List<Score> scores = survey.heldScores();
    double[][] values = new double[items.size()][];
    boolean[][] positive = new boolean[items.size()][];
    for (int j = 0; j < items.size(); j++) {
      Item item = items.get(j);
      values[j] = year.scores(item.options());
      positive[j] = new boolean[item.options()];
      for (int p : item.positivePositions()) {
        positive[j][p - 1] = true;
      }
    }
    int[][] scoreItems = new int[scores.size()][];
    int[][] scoreParts = new int[scores.size()][];
    boolean[] percent = new boolean[scores.size()];
    for (int s = 0; s < scores.size(); s++) {
      percent[s] = scores.get(s).percent();
      scoreItems[s] = scores.get(s).items().stream().mapToInt(id -> indexOfItem(items, id)).toArray();
      scoreParts[s] = scores.get(s).parts().stream().mapToInt(id -> indexOfScore(scores, id)).toArray();
    }
    return new SurveyScoring.Plan(values, positive, scoreItems, scoreParts, percent);
  }

  private static int indexOfItem(List<Item> items, String id) {
    for (int j = 0; j < items.size(); j++) {
      if (items.get(j).id().equals(id)) {
        return j;
      }
    }
    throw new IllegalArgumentException("no item " + id);
  }

  private static int indexOfScore(List<Score> scores, String id) {
    for (int s = 0; s < scores.size(); s++) {
      if (scores.get(s).id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no score " + id);
  }
}
