package org.staffoutcomes.schema;

import java.util.List;
import java.util.Map;

/**
 * Analysis settings of a catalog.
 *
 * @param headlineMeasure the staff measure drawn against every outcome in the scatter charts
 * @param minPairs correlations resting on fewer pairs are reported with n and a note, no coefficient
 * @param minRespondents a staff score whose base is below this is suppressed (disclosure control)
 * @param weights the weights of the weighted regressions and the weighted Pearson r: the product of
 *     these panel columns, where {@value #BASE} is the staff measure's base n (the default); an
 *     empty list or {@value #NONE} means ordinary least squares
 * @param covariates what the partial correlation controls for: {@value #TRUST_TYPE} (one dummy per
 *     trust type but the first), {@value #LOG_BASE} (log of the staff measure's base n), or any
 *     numeric panel column; default both of the first two
 * @param spcMeasures the measures given an XmR (statistical process control) chart per organisation;
 *     null (not set) means the headline measure and every outcome that is not ordinal
 * @param funnels the ratio outcomes given a funnel plot, each with the count model of its limits
 *     ({@code poisson} or {@code binomial}); none when not set
 * @param spcPng the measures whose XmR charts are also drawn as PNG (every XmR chart is drawn as
 *     SVG; a PNG for each of hundreds of organisations would slow the render); none when not set
 * @param cultureMeasures the staff measures shown in the culture section of each trust's profile page
 *     and in the national culture table ({@code trusts/culture.html}); none when not set
 */
public record AnalysisSpec(String headlineMeasure, Integer minPairs, Integer minRespondents, List<String> weights,
    List<String> covariates, List<String> spcMeasures, Map<String, String> funnels, List<String> spcPng,
    List<String> cultureMeasures)
    implements java.io.Serializable {

  public static final int DEFAULT_MIN_RESPONDENTS = 11;

  public static final int DEFAULT_MIN_PAIRS = 10;

  /** In {@code weights}: the staff measure's base n; in {@code covariates} via {@link #LOG_BASE}. */
  public static final String BASE = "base";
  public static final String NONE = "none";
  public static final String TRUST_TYPE = "trust_type";
  public static final String LOG_BASE = "log_base";

  public AnalysisSpec {
    minPairs = minPairs == null ? DEFAULT_MIN_PAIRS : minPairs;
    minRespondents = minRespondents == null ? DEFAULT_MIN_RESPONDENTS : minRespondents;
    weights = weights == null ? List.of(BASE) : weights.equals(List.of(NONE)) ? List.of() : List.copyOf(weights);
    covariates = covariates == null ? List.of(TRUST_TYPE, LOG_BASE) : List.copyOf(covariates);
    spcMeasures = spcMeasures == null ? null : List.copyOf(spcMeasures);
    funnels = funnels == null ? Map.of() : Map.copyOf(funnels);
    spcPng = spcPng == null ? List.of() : List.copyOf(spcPng);
    cultureMeasures = cultureMeasures == null ? List.of() : List.copyOf(cultureMeasures);
  }

  public AnalysisSpec(String headlineMeasure, Integer minPairs, Integer minRespondents, List<String> weights,
      List<String> covariates, List<String> spcMeasures, Map<String, String> funnels, List<String> spcPng) {
    this(headlineMeasure, minPairs, minRespondents, weights, covariates, spcMeasures, funnels, spcPng, null);
  }

  public AnalysisSpec(String headlineMeasure, Integer minPairs, Integer minRespondents, List<String> weights,
      List<String> covariates, List<String> spcMeasures, Map<String, String> funnels) {
    this(headlineMeasure, minPairs, minRespondents, weights, covariates, spcMeasures, funnels, null);
  }

  public AnalysisSpec(String headlineMeasure, Integer minPairs, Integer minRespondents, List<String> weights,
      List<String> covariates) {
    this(headlineMeasure, minPairs, minRespondents, weights, covariates, null, null, null);
  }

  public AnalysisSpec(String headlineMeasure, Integer minPairs, Integer minRespondents) {
    this(headlineMeasure, minPairs, minRespondents, null, null);
  }
}
