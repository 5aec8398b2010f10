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

  static CorrelationRow row(String outcome, int lag, String method, double r, double pAdjusted) {
    return new CorrelationRow("engagement", outcome, lag, "all", "pooled", method, r, r - 0.05, r + 0.05, 0.001, 150, "",
        pAdjusted);
  }

  @Test
  void saysBetterOrWorseFromEachOutcomesDirectionWithTheIntervalAndAdjustedP() {
    List<String> f = FindingsText.findings(List.of(ENGAGEMENT, SHMI, CQC), List.of(
        row("shmi", 0, "pearson", -0.25, 0.0004), row("cqc", 1, "spearman", 0.3, 0.012)));
    assertEquals(2, f.size());
    assertTrue(f.get(0).startsWith("Staff engagement and SHMI in the same year: Trusts with higher staff engagement"
        + " tended to have lower SHMI, that is better outcomes"), f.get(0));
    assertTrue(f.get(0).contains("Pearson r = -0.25 (95% CI -0.30 to -0.20)"), f.get(0));
    assertTrue(f.get(0).contains("n = 150 trust-years; adjusted p < 0.001."), f.get(0));
    assertTrue(f.get(1).startsWith("Staff engagement and CQC overall rating one year later:"), f.get(1));
    assertTrue(f.get(1).contains("higher CQC overall rating, that is better outcomes"), f.get(1));
    assertTrue(f.get(1).contains("Spearman") && f.get(1).contains("adjusted p = 0.012"), f.get(1));
  }

  @Test
  void listsTheStrongestTenAndSaysHowManyMoreThereAre() {
    List<CorrelationRow> many = java.util.stream.IntStream.range(0, 13)
        .mapToObj(i -> row("shmi", 0, "pearson", -0.5 + i * 0.01, 0.001)).toList();
    List<String> f = FindingsText.findings(List.of(ENGAGEMENT, SHMI), many);
    assertEquals(FindingsText.SHOWN + 1, f.size());
    assertEquals("3 more associations survive the false discovery rate: see data/findings.csv.", f.get(10));
  }
}
