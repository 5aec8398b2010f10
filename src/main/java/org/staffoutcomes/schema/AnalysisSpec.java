package org.staffoutcomes.schema;

/**
 * Analysis settings of a catalog.
 *
 * @param headlineMeasure the staff measure drawn against every outcome in the scatter charts
 * @param minPairs correlations resting on fewer pairs are reported with n and a note, no coefficient
 * @param minRespondents a staff score whose base is below this is suppressed (disclosure control)
 */
public record AnalysisSpec(String headlineMeasure, Integer minPairs, Integer minRespondents)
    implements java.io.Serializable {

  public static final int DEFAULT_MIN_RESPONDENTS = 11;

  public static final int DEFAULT_MIN_PAIRS = 10;

  public AnalysisSpec {
    minPairs = minPairs == null ? DEFAULT_MIN_PAIRS : minPairs;
    minRespondents = minRespondents == null ? DEFAULT_MIN_RESPONDENTS : minRespondents;
  }
}
