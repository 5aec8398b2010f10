package org.staffoutcomes.schema;

/**
 * Analysis settings of a catalog.
 *
 * @param headlineMeasure the staff measure drawn against every outcome in the scatter charts
 * @param minPairs correlations resting on fewer pairs are reported with n and a note, no coefficient
 */
public record AnalysisSpec(String headlineMeasure, Integer minPairs) implements java.io.Serializable {

  public static final int DEFAULT_MIN_PAIRS = 10;

  public AnalysisSpec {
    minPairs = minPairs == null ? DEFAULT_MIN_PAIRS : minPairs;
  }
}
