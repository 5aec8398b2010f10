package org.staffoutcomes.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.staffoutcomes.panel.PanelColumns;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.panel.Succession;

/**
 * The organisations of the panel, year by year, with their attributes and succession: what the
 * trust pages name and mark. One row per panel row, in the panel's order (organisation, year).
 */
final class OrganisationYears {

  private OrganisationYears() {}

  /**
   * @param successions the dated successions when the catalog restates merged organisations, else
   *     null (then no year is marked restated and no predecessors are listed; the panel's
   *     succession sentence still says what it knows)
   */
  static List<OrganisationYear> of(PanelTable panel, Succession.Table successions) {
    Map<String, TreeSet<String>> predecessors = new TreeMap<>();
    Map<String, Integer> formedIn = successions == null ? Map.of() : successions.formedIn();
    if (successions != null) {
      Succession.finalSuccessors(successions.successorOf())
          .forEach((old, last) -> predecessors.computeIfAbsent(last, k -> new TreeSet<>()).add(old));
    }
    List<OrganisationYear> out = new ArrayList<>(panel.size());
    for (int i = 0; i < panel.size(); i++) {
      String org = panel.org(i);
      Integer formed = formedIn.get(org);
      out.add(new OrganisationYear(org, panel.year(i), text(panel, PanelColumns.ORG_NAME, i),
          text(panel, PanelColumns.TRUST_TYPE, i), text(panel, PanelColumns.BENCHMARK_GROUP, i),
          text(panel, PanelColumns.REGION, i), formed != null && panel.year(i) < formed,
          List.copyOf(predecessors.getOrDefault(org, new TreeSet<>())), text(panel, PanelColumns.SUCCESSION, i)));
    }
    return out;
  }

  /** A text column's value, "" when the panel lacks the column or the value. */
  private static String text(PanelTable panel, String column, int row) {
    String v = panel.has(column) ? panel.text(column, row) : null;
    return v == null ? "" : v;
  }
}
