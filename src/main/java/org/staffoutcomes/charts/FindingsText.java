package org.staffoutcomes.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.schema.MeasureInfo;

/**
 * The index page's key findings in words: the associations the analysis found to survive the
 * false discovery rate (all trust-years, all trusts), strongest first, each with its direction
 * (better or worse, from the outcome's direction), coefficient, 95% CI, adjusted p and n.
 */
public final class FindingsText {

  /** How many findings the page lists; the rest are in {@code data/findings.csv}. */
  public static final int SHOWN = 10;

  private FindingsText() {}

  /**
   * @param measures every measure of the catalog (for labels and directions)
   * @param findings the analysis's findings, strongest first
   * @return at most {@link #SHOWN} sentences, then one saying how many more there are, if any
   */
  public static List<String> findings(List<MeasureInfo> measures, List<CorrelationRow> findings) {
    List<String> out = new ArrayList<>();
    for (CorrelationRow c : findings.subList(0, Math.min(SHOWN, findings.size()))) {
      Optional<MeasureInfo> staff = measures.stream().filter(m -> m.name().equals(c.staffMeasure())).findFirst();
      Optional<MeasureInfo> outcome = measures.stream().filter(m -> m.name().equals(c.outcome())).findFirst();
      if (staff.isEmpty() || outcome.isEmpty()) {
        continue;
      }
      String direction = CorrelationText.direction(staff.get(), outcome.get(), c.r());
      out.add(staff.get().label() + " and " + CorrelationText.lowerFirst(outcome.get().label()) + " "
          + (c.lag() == 0 ? "in the same year" : c.lag() == 1 ? "one year later" : c.lag() + " years later") + ": "
          + Character.toUpperCase(direction.charAt(0)) + direction.substring(1) + " "
          + CorrelationText.statistics(c) + " trust-years; adjusted " + CorrelationText.pText(c.pAdjusted()) + ".");
    }
    if (findings.size() > SHOWN) {
      out.add((findings.size() - SHOWN) + " more associations survive the false discovery rate: see data/findings.csv.");
    }
    return out;
  }
}
