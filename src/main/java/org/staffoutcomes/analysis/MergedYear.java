package org.staffoutcomes.analysis;

import java.util.Objects;

/**
 * One survey year of an organisation formed by a merger, as the merged-organisations chart draws it
 * and its CSV holds it.
 *
 * @param orgCode the merged organisation's code
 * @param orgName its name
 * @param year the survey year
 * @param value the measure in that year (NaN when missing)
 * @param n respondents or base behind the value (NaN when none)
 * @param restated true for years before the merger: the value combines its predecessors
 * @param mergedIn the first survey year after the merger took effect
 * @param succession the panel's sentence on how the series is formed (e.g. "restated: includes
 *     predecessors RA1, RB2")
 */
public record MergedYear(String orgCode, String orgName, int year, double value, double n,
    boolean restated, int mergedIn, String succession) {

  public MergedYear {
    Objects.requireNonNull(orgCode, "orgCode");
    Objects.requireNonNull(orgName, "orgName");
    Objects.requireNonNull(succession, "succession");
  }
}
