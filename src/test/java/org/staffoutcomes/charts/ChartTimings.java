package org.staffoutcomes.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.staffoutcomes.standing.SpcRow;

/**
 * Time to draw one chart of each new kind, as PNG and as SVG, on one thread after a warm-up:
 * {@code ChartTimings [outputDir] [charts]} (default {@code /tmp/chart-timings}, 200 charts). What
 * notebooks-docs/performance.md quotes for the render's choice of SVG-only XmR charts.
 */
public final class ChartTimings {

  private ChartTimings() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/chart-timings");
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Files.createDirectories(dir);
    Random rnd = new Random(1);
    double[] series = new double[13];
    for (int round = 0; round < 2; round++) {
      long svg = 0;
      long png = 0;
      long bytes = 0;
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < series.length; k++) {
          series[k] = 6.5 + rnd.nextGaussian() * 0.2 + (k > 8 ? 0.4 : 0);
        }
        List<SpcRow> rows = SpcChartTest.rows(series, true);
        Path s = dir.resolve("spc_" + i + ".svg");
        long t0 = System.nanoTime();
        SpcChart.write(ChartExamples.ENGAGEMENT, rows, List.of(), s, null, dir.resolve("spc.csv"));
        long t1 = System.nanoTime();
        Path p = dir.resolve("spcp_" + i + ".png");
        SpcChart.write(ChartExamples.ENGAGEMENT, rows, List.of(), ChartFiles.svgBeside(p), p, dir.resolve("spc.csv"));
        long t2 = System.nanoTime();
        svg += t1 - t0;
        png += (t2 - t1) - (t1 - t0);
        bytes += Files.size(s);
      }
      System.out.printf("round %d: XmR chart SVG %.1f ms, PNG %.1f ms (the PNG alone, estimated), SVG %.1f KB each%n",
          round, svg / 1e6 / n, png / 1e6 / n, bytes / 1024.0 / n);
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      FunnelChart.write(ChartExamples.SICKNESS, FunnelChartTest.rows().stream()
          .map(r -> new org.staffoutcomes.standing.FunnelRow("sickness_absence", r.year(), r.orgCode(), r.model(),
              r.numerator(), r.denominator(), r.value(), r.target(), r.lower998(), r.lower95(), r.upper95(),
              r.upper998(), r.position())).toList(), "Expected deaths", dir.resolve("funnel_" + i + ".png"),
          dir.resolve("funnel.csv"));
    }
    System.out.printf("funnel plot PNG + SVG %.1f ms%n", (System.nanoTime() - t0) / 1e6 / 20);
    t0 = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      TrendChart.write(ChartExamples.ENGAGEMENT, ChartExamples.trendRows(new Random(i)), List.of(),
          dir.resolve("trend_" + i + ".png"), dir.resolve("trend_" + i + ".csv"));
    }
    System.out.printf("trend small multiples PNG + SVG %.1f ms%n", (System.nanoTime() - t0) / 1e6 / 20);
  }
}
