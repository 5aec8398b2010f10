package org.staffoutcomes.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.schema.MeasureInfo;

class FindingsTextTest {

  static final MeasureInfo ENGAGEMENT = new MeasureInfo("engagement", "Staff engagement", "score 0-10", true, true);
  static final MeasureInfo SHMI = new MeasureInfo("shmi", "SHMI", "ratio", false, false);
  static final MeasureInfo CQC = new MeasureInfo("cqc", "CQC overall rating", "level", true, false, true, 3.0, "Good or outstanding");

  static CorrelationRow row(String outcome, String year, String method, double r) {
    return new CorrelationRow("engagement", outcome, 0, "all", year, method, r, r - 0.05, r + 0.05, 0.001, 150, "");
  }

  @Test
  void saysBetterOrWorseFromEachOutcomesDirectionAndTheYearlyRange() {
    List<String> f = FindingsText.findings(ENGAGEMENT, List.of(SHMI, CQC), List.of(
        row("shmi", "pooled", "pearson", -0.25), row("shmi", "2019", "pearson", -0.31),
        row("shmi", "2020", "pearson", -0.12), row("shmi", "pooled", "spearman", -0.2),
        row("cqc", "pooled", "pearson", Double.NaN), row("cqc", "pooled", "spearman", 0.3)));
    assertEquals(2, f.size());
    assertTrue(f.get(0).startsWith("SHMI: Trusts with higher staff engagement tended to have lower SHMI"), f.get(0));
    assertTrue(f.get(0).contains("n = 150 trust-years."), f.get(0));
    assertTrue(f.get(0).contains("lower SHMI, that is better outcomes"), f.get(0));
    assertTrue(f.get(0).contains("Per survey year Pearson r ranged from -0.31 to -0.12 over 2 years."), f.get(0));
    assertTrue(f.get(1).contains("higher CQC overall rating, that is better outcomes"), f.get(1));
    assertTrue(f.get(1).contains("Spearman"), "ordinal outcomes are reported by rank correlation: " + f.get(1));
  }
}
