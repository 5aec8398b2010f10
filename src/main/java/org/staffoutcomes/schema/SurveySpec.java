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
 * @param catalogue the loaded question catalogue (set by the loader)
 */
public record SurveySpec(
    String questions,
    Shape shape,
    String occupationGroup,
    Weighting weighting,
    String distributionColumn,
    String respondentsColumn,
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
  }

  SurveySpec withCatalogue(QuestionCatalogue loaded) {
    return new SurveySpec(questions, shape, occupationGroup, weighting, distributionColumn, respondentsColumn, loaded);
  }

  public boolean weighted() {
    return shape == Shape.MICRODATA && weighting == Weighting.NATIONAL;
  }
}
