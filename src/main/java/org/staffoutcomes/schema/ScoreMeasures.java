package org.staffoutcomes.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.staffoutcomes.schema.QuestionCatalogue.Score;
import org.staffoutcomes.schema.QuestionCatalogue.SurveyYear;

/**
 * A survey descriptor's {@code survey.score_measures}: "every score of the question catalogue is
 * a staff measure", without a line per score. The loader adds, after the declared measures, one
 * measure for each score the dataset holds whose column no declared measure already uses as its
 * value (or as the {@code earlier_value} of a changed series):
 *
 * <ul>
 *   <li>name {@code name} and label {@code label} with {@code {score}} replaced by the score's id
 *       (as a column name) and {@code {label}} by its label;
 *   <li>value the score's column, base its {@code _base} column, higher is better (every score is
 *       in favourable order: position 1 is the least favourable answer);
 *   <li>unit {@code %} for a percent score, else {@code score <lo>-<hi>} on the latest year's range;
 *       a mean score that the catalogue can compute in a year on another range (1-5 before 2018)
 *       gets the scale change of the years before the latest range, rescaled (as engagement is).
 * </ul>
 *
 * @param name the measure's name, with {@code {score}}
 * @param label the measure's label, with {@code {label}} (and optionally {@code {score}})
 */
public record ScoreMeasures(String name, String label) implements java.io.Serializable {

  static final String SCORE = "{score}";
  static final String LABEL = "{label}";

  /** The descriptor with a measure added for every held score not yet a measure's value. */
  static DatasetDescriptor expand(DatasetDescriptor d) {
    SurveySpec s = d.survey();
    ScoreMeasures spec = s == null ? null : s.scoreMeasures();
    if (spec == null) {
      return d;
    }
    String where = "Invalid descriptor " + d.origin() + ": survey.score_measures";
    if (spec.name() == null || !spec.name().contains(SCORE)) {
      throw new DescriptorException(where + ".name must contain " + SCORE + " (e.g. '{score}_respondents')");
    }
    Set<String> taken = new HashSet<>();
    for (MeasureSpec m : d.measures()) {
      taken.add(m.value());
      if (m.scaleChange() != null && m.scaleChange().earlierValue() != null) {
        taken.add(m.scaleChange().earlierValue());
      }
    }
    List<MeasureSpec> out = new ArrayList<>(d.measures());
    QuestionCatalogue q = s.catalogue();
    ScaleChange change = scaleChange(q.years());
    for (Score score : s.heldScores()) {
      if (taken.contains(score.column())) {
        continue;
      }
      String label = score.label() == null ? score.id() : score.label();
      String fullLabel = (spec.label() == null ? LABEL : spec.label()).replace(LABEL, label)
          .replace(SCORE, score.column());
      out.add(new MeasureSpec(spec.name().replace(SCORE, score.column()), fullLabel,
          score.percent() ? "%" : "score " + range(s.catalogue().years().lastEntry().getValue()),
          score.column(), score.column() + SurveyColumns.BASE, null, null, null, true,
          "Score '" + score.id() + "' of the question catalogue (" + (score.percent()
              ? "the mean of its items' percentages positive" : "the mean of respondents' scores") + ").",
          null, null, null, null, score.percent() || change == null || !scoredBefore(q, score, change.year())
              ? null : change));
    }
    return d.withMeasures(out);
  }

  /**
   * The change to the latest year's score range, from the range of the years before the first
   * year on it; null when every mapped year scores on the same range.
   */
  static ScaleChange scaleChange(TreeMap<Integer, SurveyYear> years) {
    List<Double> latest = years.lastEntry().getValue().scoreRange();
    Integer from = null;
    List<Double> earlier = null;
    for (var e : years.descendingMap().entrySet()) {
      if (!e.getValue().scoreRange().equals(latest)) {
        earlier = e.getValue().scoreRange();
        break;
      }
      from = e.getKey();
    }
    return earlier == null ? null : ScaleChange.ofScale(from, earlier, latest, ScaleChange.Mode.RESCALE);
  }

  /** Whether the catalogue can compute {@code score} in some year before {@code year}. */
  static boolean scoredBefore(QuestionCatalogue q, Score score, int year) {
    return q.years().headMap(year).values().stream().anyMatch(y -> scoredIn(q, score, y));
  }

  /** A score over items needs one of them mapped; a score over parts needs every part. */
  private static boolean scoredIn(QuestionCatalogue q, Score score, SurveyYear y) {
    if (!score.parts().isEmpty()) {
      return score.parts().stream().allMatch(p -> scoredIn(q, q.score(p).orElseThrow(), y));
    }
    return score.items().stream().anyMatch(i -> y.item(i).isPresent());
  }

  private static String range(SurveyYear y) {
    return ScaleChange.fmt(y.scoreRange().get(0)) + "-" + ScaleChange.fmt(y.scoreRange().get(1));
  }
}
