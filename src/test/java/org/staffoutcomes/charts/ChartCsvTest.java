package org.staffoutcomes.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.analysis.ScatterPoint;
import org.staffoutcomes.trends.TrendRow;

class ChartCsvTest {

  @TempDir Path dir;

  @Test
  void correlationsHaveTheFixedColumnsFullPrecisionAndEmptyNaN() throws IOException {
    double r = -0.123456789012345678;
    List<CorrelationRow> rows = List.of(
        new CorrelationRow("engagement", "shmi", 1, "all", "pooled", "pearson", r, -0.2, 0.1e-7,
            3.0e-12, 1234, "", 6.0e-10),
        new CorrelationRow("morale", "shmi", 0, "Acute", "2019", "spearman", Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, 2, "fewer than 3 pairs, a \"tiny\" sample"));
    Path csv = dir.resolve("c.csv");
    ChartCsv.writeCorrelations(rows, csv);
    assertEquals(
        "staff_measure,outcome,lag,scope,year,method,r,ci_low,ci_high,p,p_adjusted,n,note\n"
            + "engagement,shmi,1,all,pooled,pearson," + Double.toString(r) + ",-0.2,1.0E-8,"
            + "3.0E-12,6.0E-10,1234,\n"
            + "morale,shmi,0,Acute,2019,spearman,,,,,,2,"
            + "\"fewer than 3 pairs, a \"\"tiny\"\" sample\"\n",
        Files.readString(csv, StandardCharsets.UTF_8));
  }

  @Test
  void trendsHaveTheFixedColumns() throws IOException {
    Path csv = dir.resolve("t.csv");
    ChartCsv.writeTrends(List.of(new TrendRow("engagement", "Acute & <community>", 2019, 1,
        7.1, 7.1, Double.NaN, Double.NaN, 7.1, 7.1)), csv);
    assertEquals("measure,group,year,n,mean,median,q1,q3,min,max\n"
            + "engagement,Acute & <community>,2019,1,7.1,7.1,,,7.1,7.1\n",
        Files.readString(csv));
  }

  /**
   * OWASP's CSV injection advice: a text cell a spreadsheet would run as a formula gets a leading
   * quote; numbers, negative ones included, stay numbers.
   */
  @Test
  void formulaLeadingTextIsNeutralisedAndNumbersStayNumbers() throws IOException {
    Path trends = dir.resolve("t.csv");
    ChartCsv.writeTrends(List.of(
        new TrendRow("engagement", "=HYPERLINK(\"http://x\",\"y\")", 2019, 3, -1.5, -0.25, 1.0e-8,
            Double.NEGATIVE_INFINITY, -2, 2)), trends);
    assertEquals("measure,group,year,n,mean,median,q1,q3,min,max\n"
            + "engagement,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2019,3,-1.5,-0.25,1.0E-8,-Infinity,-2.0,2.0\n",
        Files.readString(trends));

    Path scatter = dir.resolve("s.csv");
    ChartCsv.writeScatter(List.of(new ScatterPoint("+cmd|' /C calc'!A0", "@SUM(A1:A9)", -0.5, 1),
        new ScatterPoint("-", "\uFF1D1+1", 0, 0)), "engagement", "shmi", scatter);
    assertEquals("org_code,trust_type,engagement,shmi\n"
            + "'+cmd|' /C calc'!A0,'@SUM(A1:A9),-0.5,1.0\n"
            + "'-,'\uFF1D1+1,0.0,0.0\n",
        Files.readString(scatter));

    // The quarantine CSV's writer: raw lines as read, but never a formula.
    Path quarantine = dir.resolve("q.csv");
    try (ChartCsv.Writer w = ChartCsv.open(quarantine, List.of("dataset", "source_file", "source_line", "raw", "reason"))) {
      w.printRecord("staff", "staff/s.csv", 4L, "+cmd|' /C calc'!A0,RX1", "bad code");
      w.printRecord("staff", "staff/s.csv", 5L, "\tR1,-1.5", "-1.5 is out of range");
      w.printRecord("staff", "staff/s.csv", 6L, "\r=1", null);
      w.printRecord("staff", "staff/s.csv", 7L, "-1.5", "plain text, no formula");
    }
    assertEquals("dataset,source_file,source_line,raw,reason\n"
            + "staff,staff/s.csv,4,\"'+cmd|' /C calc'!A0,RX1\",bad code\n"
            + "staff,staff/s.csv,5,\"'\tR1,-1.5\",'-1.5 is out of range\n"
            + "staff,staff/s.csv,6,\"'\r=1\",\n"
            + "staff,staff/s.csv,7,-1.5,\"plain text, no formula\"\n",
        Files.readString(quarantine));
  }

  @Test
  void whatCountsAsANumber() {
    for (String n : List.of("-1", "-1.5", "+2", "-0.25", "-.5", "1.0E-8", "-3.2e+10", "-Infinity", "12")) {
      assertEquals(n, ChartCsv.spreadsheetSafe(n));
    }
    for (String t : List.of("-", "-1.5.2", "-1,234", "+44 20 7946 0000", "-e5", "@", "=1+1", "-1+1")) {
      assertEquals("'" + t, ChartCsv.spreadsheetSafe(t));
    }
    assertEquals("Acute & <community>", ChartCsv.spreadsheetSafe("Acute & <community>"));
    assertEquals("", ChartCsv.spreadsheetSafe(""));
  }
}
