package org.staffoutcomes.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.staffoutcomes.analysis.AnalysisResults;
import org.staffoutcomes.analysis.AnalysisTables;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.analysis.Scatter;
import org.staffoutcomes.analysis.ShareRow;
import org.staffoutcomes.charts.ChartCsv;
import org.staffoutcomes.charts.ChartFiles;
import org.staffoutcomes.charts.FindingsText;
import org.staffoutcomes.charts.ForestChart;
import org.staffoutcomes.charts.FunnelChart;
import org.staffoutcomes.charts.HeatmapChart;
import org.staffoutcomes.charts.MergedOrganisationsChart;
import org.staffoutcomes.charts.ScatterChart;
import org.staffoutcomes.charts.ShareChart;
import org.staffoutcomes.charts.SpcChart;
import org.staffoutcomes.charts.TrendChart;
import org.staffoutcomes.charts.YearMarker;
import org.staffoutcomes.config.Settings;
import org.staffoutcomes.config.Workspace;
import org.staffoutcomes.ingest.DatasetReport;
import org.staffoutcomes.ingest.FileReport;
import org.staffoutcomes.lake.LakeException;
import org.staffoutcomes.lake.LakePaths;
import org.staffoutcomes.lake.SmallTables;
import org.staffoutcomes.lake.TableRecord;
import org.staffoutcomes.lake.UnitMemo;
import org.staffoutcomes.publish.LakeSource;
import org.staffoutcomes.publish.PublishChecks;
import org.staffoutcomes.publish.Verdict;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.schema.MeasureSpec;
import org.staffoutcomes.schema.MeasureThemes;
import org.staffoutcomes.standing.FunnelRow;
import org.staffoutcomes.standing.SpcRow;
import org.staffoutcomes.standing.Standing;
import org.staffoutcomes.standing.StandingTables;
import org.staffoutcomes.trends.TrendRow;

/**
 * Render: the analysis stage's result tables in ({@code lake/analysis/}, read by {@link
 * AnalysisTables}), the ingest reports and quarantine, one published bundle out. It draws and words
 * the numbers the analysis wrote and computes none; it starts no Spark (an architecture test keeps
 * Spark out of this package and of {@code charts}).
 */
public final class RenderStage {

  /** A run id: the run's start, UTC, to the second (a bundle's folder adds -2, -3, ... when taken). */
  public static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Catalog catalog;
  private final LakePaths lake;
  private final Workspace workspace;

  public RenderStage(Catalog catalog, Workspace workspace) {
    this.catalog = catalog;
    this.lake = new LakePaths(workspace.root());
    this.workspace = workspace;
  }

  /**
   * A rendered bundle.
   *
   * @param index the bundle's index.html (under {@code bundles/<run-id>/})
   * @param verdict what the publish checks decided: whether {@code bundles/latest} points at it
   */
  public record Rendered(Path index, Verdict verdict) {

    /** The bundle's run id (its folder's name). */
    public String runId() {
      return index.getParent().getFileName().toString();
    }
  }

  /**
   * Runs the publish checks (see {@link PublishChecks}), writes the bundle of the work folder's
   * analysis under its run id with what they decided, and only then, when every check passed or
   * {@code publishAnyway}, points {@code bundles/latest} at it. A bundle whose checks failed is
   * kept under its run id and {@code latest} stays where it was. Prints one line to {@code out}.
   *
   * @param maxQuarantinedPercent the quarantine threshold, or null for no quarantine check
   */
  public static Rendered render(Catalog catalog, Workspace workspace, Instant started, PrintWriter out,
      Double maxQuarantinedPercent, boolean publishAnyway) {
    return render(catalog, workspace, started, out, maxQuarantinedPercent, publishAnyway, null);
  }

  /**
   * As {@link #render(Catalog, Workspace, Instant, PrintWriter, Double, boolean)}, drawing {@code
   * analysed} when the analysis ran in this process and wrote exactly these results to the lake
   * (a run: they are not read back); null reads them from the lake.
   */
  public static Rendered render(Catalog catalog, Workspace workspace, Instant started, PrintWriter out,
      Double maxQuarantinedPercent, boolean publishAnyway, AnalysisResults analysed) {
    return render(catalog, workspace, started, out, maxQuarantinedPercent, publishAnyway, analysed, false);
  }

  /**
   * As {@link #render(Catalog, Workspace, Instant, PrintWriter, Double, boolean, AnalysisResults)};
   * with {@code reuse}, a chart an earlier bundle drew from the same inputs is taken from it
   * ({@link ChartReuse}) instead of being drawn again.
   */
  public static Rendered render(Catalog catalog, Workspace workspace, Instant started, PrintWriter out,
      Double maxQuarantinedPercent, boolean publishAnyway, AnalysisResults analysed, boolean reuse) {
    long t0 = System.nanoTime();
    try {
      RenderStage stage = new RenderStage(catalog, workspace);
      Verdict verdict = PublishChecks.evaluate(catalog, new LakeSource(stage.lake), stage.published(),
          maxQuarantinedPercent, publishAnyway);
      BundleWriter writer = new BundleWriter(workspace.bundles());
      Path memo = stage.lake.memo("render");
      String bundleId = stage.runId(started);
      ChartReuse charts = new ChartReuse(reuse ? UnitMemo.read(memo) : UnitMemo.empty(), workspace.bundles(), bundleId,
          ChartReuse.context(catalog));
      Path folder = stage.write(bundleId, started, verdict,
          analysed == null ? AnalysisTables.read(stage.lake) : analysed, charts);
      String runId = folder.getFileName().toString();
      charts.memo().write(memo);
      String taken = charts.taken() == 0 ? "" : String.format("; %,d charts drawn from the same numbers taken from"
          + " the last bundle", charts.taken());
      if (verdict.publishes()) {
        writer.publish(runId);
        out.printf("render bundle %s%s%s (%.1f s)%n", runId, verdict.passed() ? ""
            : ", published anyway (--publish-anyway) although " + verdict.failed().size() + " check(s) failed", taken,
            (System.nanoTime() - t0) / 1e9);
      } else {
        out.printf("render bundle %s kept unpublished: %d publish check(s) failed; bundles/latest still points at %s"
            + "%s (%.1f s)%n", runId, verdict.failed().size(), stage.latestRunId().orElse("no bundle"), taken,
            (System.nanoTime() - t0) / 1e9);
      }
      out.flush();
      return new Rendered(folder.resolve("index.html"), verdict);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the bundle under " + workspace.bundles(), e);
    }
  }

  /** What the bundle {@code latest} points at recorded of its rows; empty without one. */
  private Optional<PublishChecks.Published> published() {
    Path latest = workspace.latestBundle();
    return Files.isDirectory(latest) ? Manifest.publishedRows(latest) : Optional.empty();
  }

  /** The run id {@code latest} points at, if any. */
  private Optional<String> latestRunId() throws IOException {
    Path latest = workspace.latestBundle();
    return Files.isSymbolicLink(latest) ? Optional.of(Files.readSymbolicLink(latest).getFileName().toString())
        : Optional.empty();
  }

  /**
   * Writes the bundle of {@code results} (the lake's analysis tables) under its run id, recording
   * {@code verdict}, without publishing it; returns its folder.
   */
  private Path write(String runId, Instant started, Verdict verdict, AnalysisResults results, ChartReuse charts)
      throws IOException {
    List<InputFile> inputs = inputs();
    Path quarantine = Files.createTempFile("staff-outcomes-quarantine", ".csv");
    try {
      writeQuarantine(quarantine);
      RunInfo run = new RunInfo(runId, started, Instant.now(), Settings.projectVersion(), catalog.name(),
          catalog.title(), inputs);
      List<String> findings = FindingsText.findings(catalog.allMeasures(), results.findings());
      return new BundleWriter(workspace.bundles()).writeUnpublished(run,
          new BundleData(results.correlations(), results.trends(), quarantine, findings, verdict,
              results.unknownOrganisations()),
          folder -> drawCharts(folder, results, charts));
    } finally {
      Files.deleteIfExists(quarantine);
    }
  }

  /**
   * Lists every chart with the files it is drawn to (names handed out here, in page order), drawn
   * on {@link ParallelCharts#THREADS} threads from then on, while this thread writes the tables and
   * the trust pages; then adds the charts to the page.
   */
  void drawCharts(BundleFolder folder, AnalysisResults results) throws IOException {
    try (ParallelCharts charts = new ParallelCharts()) {
      drawCharts(folder, results, charts);
    }
  }

  /** As {@link #drawCharts(BundleFolder, AnalysisResults)}, taking what it can from earlier bundles. */
  private void drawCharts(BundleFolder folder, AnalysisResults results, ChartReuse reuse) throws IOException {
    try (ParallelCharts charts = new ParallelCharts(folder, reuse)) {
      drawCharts(folder, results, charts);
    }
  }

  private void drawCharts(BundleFolder folder, AnalysisResults results, ParallelCharts charts) throws IOException {
    for (MeasureInfo m : catalog.allMeasures()) {
      List<TrendRow> rows = results.trends().stream().filter(t -> t.measure().equals(m.name())).toList();
      // Medians and quartiles of a handful of ordered levels draw as steps that say little; an
      // ordinal measure's distribution stays in trends.csv and its shares get their own chart.
      if (!rows.isEmpty() && !m.ordinal()) {
        String stem = "trend_" + m.name();
        Path png = folder.png(stem);
        Path csv = folder.csv(stem);
        charts.add(Section.TRENDS, List.of("trend", m, rows, breaks(m)), drawn(png, csv),
            () -> TrendChart.write(m, rows, breaks(m), png, csv));
      }
    }
    MeasureInfo headline = catalog.measure(catalog.analysis().headlineMeasure()).orElseThrow();
    if (!results.merged().isEmpty()) {
      String stem = "merged_organisations_" + headline.name();
      Path png = folder.png(stem);
      Path csv = folder.csv(stem);
      charts.add(Section.MERGERS, List.of("merged", headline, results.merged()), drawn(png, csv),
          () -> MergedOrganisationsChart.write(headline, results.merged(), png, csv));
    }
    for (MeasureInfo outcome : catalog.outcomes()) {
      if (outcome.ordinal()) {
        List<ShareRow> pooled = results.shares().stream()
            .filter(s -> s.outcome().equals(outcome.name()) && s.year().equals(CorrelationRow.POOLED)).toList();
        if (!pooled.isEmpty()) {
          String stem = "share_" + headline.name() + "_" + outcome.name();
          Path png = folder.png(stem);
          Path csv = folder.csv(stem);
          charts.add(Section.SCATTER, List.of("share", headline, outcome, pooled), drawn(png, csv),
              () -> ShareChart.write(headline, outcome, pooled, png, csv));
        }
        continue; // a scatter of ordered levels says little: the shares per quintile replace it
      }
      Optional<Scatter> scatter = results.scatters().stream()
          .filter(s -> s.staffMeasure().equals(headline.name()) && s.outcome().equals(outcome.name())).findFirst();
      Optional<CorrelationRow> coefficient = scatter.flatMap(s -> yearRow(results.correlations(), s));
      if (coefficient.isPresent()) {
        String stem = "scatter_" + headline.name() + "_" + outcome.name();
        Path png = folder.png(stem);
        Path csv = folder.csv(stem);
        charts.add(Section.SCATTER, List.of("scatter", headline, outcome, coefficient.get(), scatter.get()),
            drawn(png, csv), () -> ScatterChart.write(headline, outcome, coefficient.get(),
            scatter.get().points(), scatter.get().line(), png, csv));
      }
    }
    List<MeasureThemes.Theme> themes = MeasureThemes.of(catalog);
    List<MeasureInfo> rows = themes.stream().flatMap(t -> t.measures().stream()).toList();
    List<String> groups = themes.size() < 2 ? List.of()
        : themes.stream().flatMap(t -> t.measures().stream().map(m -> t.label())).toList();
    for (int lag = 0; lag <= 1 && !catalog.outcomes().isEmpty(); lag++) {
      String stem = "heatmap_lag" + lag;
      Path png = folder.png(stem);
      Path csv = folder.csv(stem);
      List<CorrelationRow> cells = HeatmapChart.select(results.correlations(), lag, catalog.outcomes());
      int l = lag;
      charts.add(Section.HEATMAP, List.of("heatmap", rows, groups, catalog.outcomes(), l, cells), drawn(png, csv),
          () -> HeatmapChart.write(rows, groups, catalog.outcomes(), l, cells, png, csv));
    }
    for (AnalysisResults.Forest f : results.forests()) {
      Optional<MeasureInfo> staff = catalog.measure(f.staffMeasure());
      Optional<MeasureInfo> outcome = catalog.measure(f.outcome());
      if (staff.isPresent() && outcome.isPresent()) {
        String stem = "forest_" + f.staffMeasure() + "_" + f.outcome();
        Path png = folder.png(stem);
        Path csv = folder.csv(stem);
        charts.add(Section.POOLED, List.of("forest", staff.get(), outcome.get(), f.rows()), drawn(png, csv),
            () -> ForestChart.write(staff.get(), outcome.get(), f.rows(), png, csv));
      }
    }
    if (!results.shares().isEmpty()) {
      ChartCsv.writeShares(results.shares(), folder.csv("shares_by_quintile"));
    }
    ChartCsv.writeTable(AnalysisTables.MODEL_LAYOUT, results.models().stream().map(AnalysisTables::values).toList(),
        folder.csv("models"));
    ChartCsv.writeTable(AnalysisTables.POOLED_LAYOUT, results.pooled().stream().map(AnalysisTables::values).toList(),
        folder.csv("pooled"));
    ChartCsv.writeCorrelations(results.findings(), folder.csv("findings"));
    Set<String> spcCharts = writeStanding(folder, results.standing(), charts);
    TrustPages.write(folder, catalog, results, spcCharts);
    charts.drawInto(folder);
  }

  /** The files a chart drawn as PNG writes: the PNG, its SVG and its CSV. */
  private static List<Path> drawn(Path png, Path csv) {
    return List.of(png, ChartFiles.svgBeside(png), csv);
  }

  /** The file name, without extension, of an organisation's XmR chart of a measure. */
  static String spcStem(String orgCode, String measure) {
    return "spc_" + orgCode.replaceAll("[^A-Za-z0-9_.-]", "-") + "_" + measure;
  }

  /** The measure's scale change as a break to mark; none without one. */
  private static List<YearMarker> breaks(MeasureInfo m) {
    return m.scaleChange() == null ? List.of()
        : List.of(new YearMarker(m.scaleChange().year(), m.scaleChange().describe()));
  }

  /**
   * {@code changes.csv}, {@code positions.csv}, {@code spc.csv} and one {@code funnel_<outcome>.csv}
   * per funnel; lists the funnel plots, and one XmR chart per organisation and measure of {@code
   * spc.csv} (SVG, and PNG too for the measures the catalog's {@code analysis.spc_png} names);
   * returns the names of the XmR charts' SVG files.
   */
  private Set<String> writeStanding(BundleFolder folder, Standing s, ParallelCharts charts) throws IOException {
    ChartCsv.writeTable(StandingTables.CHANGE_LAYOUT, s.changes().stream().map(StandingTables::values).toList(),
        folder.csv(StandingTables.CHANGES));
    ChartCsv.writeTable(StandingTables.POSITION_LAYOUT, s.positions().stream().map(StandingTables::values).toList(),
        folder.csv(StandingTables.POSITIONS));
    Path spcCsv = folder.csv(StandingTables.SPC);
    ChartCsv.writeTable(StandingTables.SPC_LAYOUT, s.spc().stream().map(StandingTables::values).toList(), spcCsv);
    for (MeasureInfo outcome : catalog.outcomes()) {
      List<FunnelRow> funnel = s.funnels().stream().filter(f -> f.outcome().equals(outcome.name())).toList();
      if (!funnel.isEmpty()) {
        String stem = "funnel_" + outcome.name();
        Path csv = folder.csv(stem);
        ChartCsv.writeTable(StandingTables.FUNNEL_LAYOUT, funnel.stream().map(StandingTables::values).toList(), csv);
        Path png = folder.png(stem);
        String volume = volumeLabel(outcome);
        // Its CSV is written above, by this thread: the chart writes only its images.
        charts.add(Section.FUNNELS, List.of("funnel", outcome, funnel, volume),
            List.of(png, ChartFiles.svgBeside(png)), () -> FunnelChart.write(outcome, funnel, volume, png, csv));
      }
    }
    Map<String, List<SpcRow>> byChart = new LinkedHashMap<>();
    for (SpcRow r : s.spc()) {
      byChart.computeIfAbsent(r.orgCode() + "\u0000" + r.measure(), k -> new ArrayList<>()).add(r);
    }
    Set<String> spcCharts = new java.util.HashSet<>();
    for (List<SpcRow> rows : byChart.values()) {
      SpcRow first = rows.get(0);
      Optional<MeasureInfo> measure = catalog.measure(first.measure());
      if (measure.isEmpty()) {
        continue; // spc.csv still holds its rows; a chart needs the measure's label and direction
      }
      String stem = spcStem(first.orgCode(), first.measure());
      boolean png = catalog.analysis().spcPng().contains(first.measure());
      Path pngFile = png ? folder.png(stem) : null;
      Path svgFile = png ? ChartFiles.svgBeside(pngFile) : folder.svg(stem);
      MeasureInfo m = measure.get();
      // spc.csv, shared by every XmR chart, is written above by this thread: a chart writes only its images.
      charts.add(Section.SPC, List.of("spc", m, rows, breaks(m)), png ? List.of(pngFile, svgFile) : List.of(svgFile),
          () -> SpcChart.write(m, rows, breaks(m), svgFile, pngFile, spcCsv));
      spcCharts.add(svgFile.getFileName().toString());
    }
    return spcCharts;
  }

  /** What an outcome's funnel plot counts on its x axis: its denominator column in words ("Occupied bed days"). */
  private String volumeLabel(MeasureInfo outcome) {
    String column = catalog.datasets().stream().flatMap(d -> d.measures().stream())
        .filter(m -> m.name().equals(outcome.name()) && m.denominator() != null).map(MeasureSpec::denominator)
        .findFirst().orElse("volume");
    String words = column.replace('_', ' ');
    return words.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + words.substring(1);
  }

  /** The Pearson row (all trusts, lag 0) of the scatter's year. */
  private static Optional<CorrelationRow> yearRow(List<CorrelationRow> rows, Scatter s) {
    return rows.stream()
        .filter(r -> r.staffMeasure().equals(s.staffMeasure()) && r.outcome().equals(s.outcome()) && r.lag() == 0
            && r.scope().equals(CorrelationRow.ALL_SCOPES) && r.method().equals(CorrelationRow.PEARSON)
            && r.year().equals(Integer.toString(s.year())))
        .findFirst();
  }

  private List<InputFile> inputs() {
    List<InputFile> inputs = new ArrayList<>();
    for (DatasetDescriptor d : catalog.datasets()) {
      String state = lake.readState(d.name()).orElseThrow(() -> new LakeException(
          "Cannot render: dataset '" + d.name() + "' has not been ingested (run ingest first)"));
      try {
        DatasetReport report = JSON.readValue(state, DatasetReport.class);
        for (FileReport f : report.files()) {
          inputs.add(new InputFile(d.name(), f.path(), f.sha256(), f.bytes(), f.rowsRead(), f.rowsKept(),
              f.rowsQuarantined()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the ingest report of " + d.name(), e);
      }
    }
    return inputs;
  }

  /** Every dataset's rejected lines, in catalog order, then by file and line. */
  private void writeQuarantine(Path csv) throws IOException {
    Comparator<TableRecord> order = Comparator.<TableRecord, String>comparing(r -> r.string("source_file"))
        .thenComparingLong(r -> r.longInt("source_line"));
    try (ChartCsv.Writer p = ChartCsv.open(csv, List.of("dataset", "source_file", "source_line", "raw", "reason"))) {
      for (DatasetDescriptor d : catalog.datasets()) {
        List<TableRecord> rows = new ArrayList<>(SmallTables.read(lake.quarantine(d.name())));
        rows.sort(order);
        for (TableRecord r : rows) {
          p.printRecord(r.string("dataset"), r.string("source_file"), r.longInt("source_line"), r.string("raw"),
              r.optionalText("reason"));
        }
      }
    }
  }

  private String runId(Instant started) {
    String base = RUN_ID.format(started);
    String id = base;
    for (int i = 2; Files.exists(workspace.bundles().resolve(id)); i++) {
      id = base + "-" + i;
    }
    return id;
  }
}
