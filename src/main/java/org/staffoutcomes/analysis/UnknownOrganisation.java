package org.staffoutcomes.analysis;

import java.util.List;
import java.util.Objects;

/**
 * An organisation code in the panel that neither the organisations reference nor the successors
 * dataset knows: its rows are kept in the lake but left out of every national figure, and it is
 * listed on the index page and in {@code data/unknown_organisations.csv}.
 *
 * @param orgCode the code as the panel holds it (after code maps and successions)
 * @param datasets the datasets with a value for it, in catalog order
 * @param surveyYears the survey years it has a panel row in, ascending
 */
public record UnknownOrganisation(String orgCode, List<String> datasets, List<Integer> surveyYears) {

  public UnknownOrganisation {
    Objects.requireNonNull(orgCode, "orgCode");
    datasets = List.copyOf(datasets);
    surveyYears = List.copyOf(surveyYears);
  }

  /** "2019-2021" for consecutive years, else "2017, 2019". */
  public String describeYears() {
    if (surveyYears.isEmpty()) {
      return "";
    }
    int first = surveyYears.get(0);
    int last = surveyYears.get(surveyYears.size() - 1);
    if (last - first + 1 == surveyYears.size() && surveyYears.size() > 1) {
      return first + "-" + last;
    }
    return String.join(", ", surveyYears.stream().map(String::valueOf).toList());
  }
}
