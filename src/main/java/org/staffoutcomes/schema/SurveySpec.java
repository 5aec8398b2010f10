package org.staffoutcomes.schema;

import java.io.Serializable;

/**
 * A staff survey dataset whose files are coded by survey year: its item columns come from the
 * question catalogue's mapping for the file's year, not from the descriptor.
 *
 * @param questions the question catalogue folder, relative to the descriptor's folder
 * @param shape what a row is: one respondent, or one organisation's response distributions
 * @param occupationGroup microdata: the column holding the respondent's occupation group
 * @param weighting microdata: {@code national} weights each organisation's occupation-group mix
 *     to the national mix of that year; {@code none} gives unweighted scores only
 * @param distributionColumn distributions: the header of one answer's column, with
 *     {@code {code}} and {@code {label}} (default {@code {code}.{label}})
 * @param respondentsColumn distributions: the header of an item's respondents column (default
 *     {@code {code}.Respondents})
 * @param scores the scores this dataset holds (its files need only their items); empty: every
 *     score and item of the question catalogue
 * @param scoreMeasures when set, the loader adds a staff measure for every score the dataset holds
 *     that no declared measure already takes its value from (see {@link ScoreMeasures})
 * @param catalogue the loaded question catalogue (set by the loader)
 */
public record SurveySpec(
    String questions,
    Shape shape,
    String occupationGroup,
    Weighting weighting,
    String distributionColumn,
    String respondentsColumn,
    java.util.List<String> scores,
    ScoreMeasures scoreMeasures,
    QuestionCatalogue catalogue) implements Serializable {

  /** What one row of the files is. */
  public enum Shape {
    /** One respondent: organisation, occupation group and the code of each answer. */
    MICRODATA,
    /** One organisation: per item, the count or percentage giving each answer, and respondents. */
    DISTRIBUTIONS
  }

  /** How an organisation's microdata scores are weighted. */
  public enum Weighting {
    NONE,
    NATIONAL
  }

  public SurveySpec {
    weighting = weighting == null ? Weighting.NATIONAL : weighting;
    distributionColumn = distributionColumn == null ? "{code}.{label}" : distributionColumn;
    respondentsColumn = respondentsColumn == null ? "{code}.Respondents" : respondentsColumn;
    scores = scores == null ? java.util.List.of() : java.util.List.copyOf(scores);
  }

  SurveySpec withCatalogue(QuestionCatalogue loaded) {
    return new SurveySpec(questions, shape, occupationGroup, weighting, distributionColumn, respondentsColumn,
        scores, scoreMeasures, loaded);
  }

  /** The catalogue's items this dataset holds, in catalogue order. */
  public java.util.List<QuestionCatalogue.Item> heldItems() {
    if (scores.isEmpty()) {
      return catalogue.items();
    }
    java.util.Set<String> ids = new java.util.HashSet<>();
    scores.forEach(id -> collectItems(id, ids));
    return catalogue.items().stream().filter(i -> ids.contains(i.id())).toList();
  }

  /**
   * The catalogue's scores this dataset holds: all of them, or those whose items it holds
   * entirely (the listed scores and their parts).
   */
  public java.util.List<QuestionCatalogue.Score> heldScores() {
    if (scores.isEmpty()) {
      return catalogue.scores();
    }
    java.util.Set<String> held = new java.util.HashSet<>();
    heldItems().forEach(i -> held.add(i.id()));
    return catalogue.scores().stream().filter(sc -> {
      java.util.Set<String> ids = new java.util.HashSet<>();
      collectItems(sc.id(), ids);
      return held.containsAll(ids);
    }).toList();
  }

  private void collectItems(String scoreId, java.util.Set<String> into) {
    QuestionCatalogue.Score sc = catalogue.score(scoreId).orElseThrow(
        () -> new DescriptorException("survey.scores names '" + scoreId + "', not a score of " + catalogue.origin()));
    into.addAll(sc.items());
    sc.parts().forEach(p -> collectItems(p, into));
  }

  public boolean weighted() {
    return shape == Shape.MICRODATA && weighting == Weighting.NATIONAL;
  }
}
