package org.staffoutcomes.panel;

/** Names of the panel's columns; the one place that spells them. */
public final class PanelColumns {

  public static final String ORG_CODE = "org_code";
  public static final String SURVEY_YEAR = "survey_year";
  public static final String ORG_NAME = "org_name";
  public static final String TRUST_TYPE = "trust_type";
  public static final String BENCHMARK_GROUP = "benchmark_group";
  public static final String REGION = "region";
  /** How the organisation's series relates to merged or renamed organisations ("" when it does not). */
  public static final String SUCCESSION = "succession";
  /** Organisation attributes, in panel order. */
  public static final String[] ATTRIBUTES = {ORG_NAME, TRUST_TYPE, BENCHMARK_GROUP, REGION};

  private PanelColumns() {}

  /** The measure's value in the survey year's window. */
  public static String value(String measure) {
    return measure;
  }

  /** The number of respondents (staff measures) or the base behind a mean. */
  public static String base(String measure) {
    return measure + "_n";
  }

  /** True when the staff score was withheld because its base is below the disclosure minimum. */
  public static String suppressed(String measure) {
    return measure + "_suppressed";
  }

  /** True when the value was rescaled from the measure's earlier scale (see ScaleChange). */
  public static String rescaled(String measure) {
    return measure + "_rescaled";
  }

  public static String numerator(String measure) {
    return measure + "_num";
  }

  public static String denominator(String measure) {
    return measure + "_den";
  }

  /** How many distinct periods (months, years) of source rows fell in the window. */
  public static String periods(String measure) {
    return measure + "_periods";
  }

  /** The outcome's value in the window {@code lag} years later. */
  public static String lagged(String measure, int lag) {
    return lag == 0 ? measure : measure + "_lag" + lag;
  }

  /**
   * The outcome's value in the window {@code periods} years before the survey year's (the same
   * organisation's, restated like every other value).
   */
  public static String previous(String measure, int periods) {
    return periods == 0 ? measure : measure + "_prev" + periods;
  }
}
