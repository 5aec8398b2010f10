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
}
