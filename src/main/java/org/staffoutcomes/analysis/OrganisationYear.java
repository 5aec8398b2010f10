package org.staffoutcomes.analysis;

import java.util.List;
import java.util.Objects;

/**
 * One organisation in one year of the panel as the trust pages name it ({@code
 * data/organisation_years.csv}): its attributes that year and whether the year's values are its
 * own or its predecessors' restated under it.
 *
 * @param orgName its name that year ("" when no dataset gives one)
 * @param restated true when the year comes before the organisation's merger took effect, so that
 *     its values combine its predecessors' (known only when the successors dataset dates the merger)
 * @param predecessors the codes restated under this organisation (empty for most organisations)
 * @param succession the panel's sentence on how the series is formed ("" when it is not)
 */
public record OrganisationYear(String orgCode, int year, String orgName, String trustType, String benchmarkGroup,
    String region, boolean restated, List<String> predecessors, String succession) {

  public OrganisationYear {
    Objects.requireNonNull(orgCode, "orgCode");
    orgName = orgName == null ? "" : orgName;
    trustType = trustType == null ? "" : trustType;
    benchmarkGroup = benchmarkGroup == null ? "" : benchmarkGroup;
    region = region == null ? "" : region;
    predecessors = List.copyOf(predecessors);
    succession = succession == null ? "" : succession;
  }
}
