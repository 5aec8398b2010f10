package org.staffoutcomes.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.analysis.CorrelationSchema;
import org.staffoutcomes.bundle.BundleData;
import org.staffoutcomes.bundle.BundleFolder;
import org.staffoutcomes.bundle.BundleWriter;
import org.staffoutcomes.bundle.InputFile;
import org.staffoutcomes.bundle.RunInfo;
import org.staffoutcomes.bundle.Section;
import org.staffoutcomes.analysis.ShareRow;
import org.staffoutcomes.analysis.ShareSchema;
import org.staffoutcomes.charts.ChartCsv;
import org.staffoutcomes.charts.FindingsText;
import org.staffoutcomes.charts.FittedLine;
import org.staffoutcomes.charts.ShareChart;
import org.staffoutcomes.charts.HeatmapChart;
import org.staffoutcomes.charts.MergedOrganisationsChart;
import org.staffoutcomes.charts.MergedYear;
import org.staffoutcomes.charts.ScatterChart;
import org.staffoutcomes.charts.ScatterPoint;
import org.staffoutcomes.charts.TrendChart;
import org.staffoutcomes.charts.YearMarker;
import org.staffoutcomes.config.Settings;
import org.staffoutcomes.config.Workspace;
import org.staffoutcomes.ingest.DatasetReport;
import org.staffoutcomes.ingest.FileReport;
import org.staffoutcomes.lake.Lake;
import org.staffoutcomes.lake.LakeException;
import org.staffoutcomes.panel.PanelColumns;
import org.staffoutcomes.panel.PanelStage;
import org.staffoutcomes.panel.Succession;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.schema.Role;
import org.staffoutcomes.stats.LeastSquares;
import org.staffoutcomes.stats.LinearFit;
import org.staffoutcomes.trends.TrendRow;
import org.staffoutcomes.trends.TrendSchema;

/**
 * Render: the lake's results in (correlations, trends, the panel for scatter points, the ingest
 * reports and quarantine), one published bundle out. Everything collected here is small by
 * construction: aggregates, one survey year of the panel per scatter chart, rejected lines.
 */
final class Render {

  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EFFECTIVE_DATE = "effective_date";

  private final Catalog catalog;
  private final Lake lake;
  private final Workspace workspace;

  Render(Catalog catalog, Lake lake, Workspace workspace) {
    this.catalog = catalog;
    this.lake = lake;
    this.workspace = workspace;
  }

  /** Writes and publishes the bundle; returns its folder. */
  Path write(Instant started) throws IOException {
    List<CorrelationRow> correlations = lake.read(lake.correlations()).collectAsList().stream()
        .map(CorrelationSchema::fromRow).toList();
    List<TrendRow> trends = lake.read(lake.trends()).collectAsList().stream().map(TrendSchema::fromRow).toList();
    List<ShareRow> shares = lake.read(lake.shares()).collectAsList().stream().map(ShareSchema::fromRow).toList();
    Dataset<Row> panel = lake.read(lake.panel());
    List<InputFile> inputs = inputs();
    Path quarantine = Files.createTempFile("staff-outcomes-quarantine", ".csv");
    try {
      writeQuarantine(quarantine);
      String runId = runId(started);
      RunInfo run = new RunInfo(runId, started, Instant.now(), Settings.projectVersion(), catalog.name(),
          catalog.title(), inputs);
      MeasureInfo headline = catalog.measure(catalog.analysis().headlineMeasure()).orElseThrow();
      List<String> findings = FindingsText.findings(headline, catalog.outcomes(), correlations);
      return new BundleWriter(workspace.bundles()).write(run,
          new BundleData(correlations, trends, quarantine, findings),
          folder -> drawCharts(folder, correlations, trends, shares, panel));
    } finally {
      Files.deleteIfExists(quarantine);
    }
  }

  private void drawCharts(BundleFolder folder, List<CorrelationRow> correlations, List<TrendRow> trends,
      List<ShareRow> shares, Dataset<Row> panel) throws IOException {
    for (MeasureInfo m : catalog.allMeasures()) {
      List<TrendRow> rows = trends.stream().filter(t -> t.measure().equals(m.name())).toList();
      // Medians and quartiles of a handful of ordered levels draw as steps that say little; an
      // ordinal measure's distribution stays in trends.csv and its shares get their own chart.
      if (!rows.isEmpty() && !m.ordinal()) {
        String stem = "trend_" + m.name();
        List<YearMarker> breaks = m.scaleChange() == null ? List.of()
            : List.of(new YearMarker(m.scaleChange().year(), m.scaleChange().describe()));
        folder.add(Section.TRENDS, TrendChart.write(m, rows, breaks, folder.png(stem), folder.csv(stem)));
      }
    }
    MeasureInfo headline = catalog.measure(catalog.analysis().headlineMeasure()).orElseThrow();
    List<MergedYear> merged = mergedYears(panel, headline);
    if (!merged.isEmpty()) {
      String stem = "merged_organisations_" + headline.name();
      folder.add(Section.MERGERS, MergedOrganisationsChart.write(headline, merged, folder.png(stem),
          folder.csv(stem)));
    }
    List<Row> scatterRows = null;
    for (MeasureInfo outcome : catalog.outcomes()) {
      if (outcome.ordinal()) {
        List<ShareRow> pooled = shares.stream()
            .filter(s -> s.outcome().equals(outcome.name()) && s.year().equals(CorrelationRow.POOLED)).toList();
        if (!pooled.isEmpty()) {
          String stem = "share_" + headline.name() + "_" + outcome.name();
          folder.add(Section.SCATTER, ShareChart.write(headline, outcome, pooled, folder.png(stem), folder.csv(stem)));
        }
        continue; // a scatter of ordered levels says little: the shares per quintile replace it
      }
      Optional<CorrelationRow> latest = latestYear(correlations, headline, outcome);
      if (latest.isPresent()) {
        if (scatterRows == null) {
          scatterRows = scatterRows(panel, headline, catalog.outcomes());
        }
        List<ScatterPoint> points = scatterPoints(scatterRows, catalog.outcomes().indexOf(outcome),
            Integer.parseInt(latest.get().year()));
        double[] x = points.stream().mapToDouble(ScatterPoint::x).toArray();
        double[] y = points.stream().mapToDouble(ScatterPoint::y).toArray();
        LinearFit fit = LeastSquares.fit(x, y);
        String stem = "scatter_" + headline.name() + "_" + outcome.name();
        folder.add(Section.SCATTER, ScatterChart.write(headline, outcome, latest.get(), points,
            new FittedLine(fit.intercept(), fit.slope()), folder.png(stem), folder.csv(stem)));
      }
    }
    for (int lag = 0; lag <= 1 && !catalog.outcomes().isEmpty(); lag++) {
      String stem = "heatmap_lag" + lag;
      folder.add(Section.HEATMAP, HeatmapChart.write(catalog.staffMeasures(), catalog.outcomes(), lag,
          HeatmapChart.select(correlations, lag, catalog.outcomes()), folder.png(stem), folder.csv(stem)));
    }
    if (!shares.isEmpty()) {
      ChartCsv.writeShares(shares, folder.csv("shares_by_quintile"));
    }
  }

  /** The Pearson row (all trusts, lag 0) of the most recent survey year that has a coefficient. */
  private static Optional<CorrelationRow> latestYear(List<CorrelationRow> rows, MeasureInfo staff, MeasureInfo outcome) {
    return rows.stream()
        .filter(r -> r.staffMeasure().equals(staff.name()) && r.outcome().equals(outcome.name()) && r.lag() == 0
            && r.scope().equals(CorrelationRow.ALL_SCOPES) && r.method().equals(CorrelationRow.PEARSON)
            && !r.year().equals(CorrelationRow.POOLED) && !Double.isNaN(r.r()))
        .max(Comparator.comparing(CorrelationRow::year));
  }

  /**
   * The panel rows with the staff measure, read once for every scatter chart: organisation, trust
   * type, survey year, the staff measure, then each outcome (as doubles), ordered by organisation.
   */
  private static List<Row> scatterRows(Dataset<Row> panel, MeasureInfo staff, List<MeasureInfo> outcomes) {
    List<Column> columns = new ArrayList<>(List.of(col(PanelColumns.ORG_CODE), col(PanelColumns.TRUST_TYPE),
        col(PanelColumns.SURVEY_YEAR), col(staff.name()).cast("double")));
    outcomes.forEach(o -> columns.add(col(o.name()).cast("double")));
    return panel.filter(col(staff.name()).isNotNull()).select(columns.toArray(Column[]::new))
        .orderBy(col(PanelColumns.ORG_CODE)).collectAsList();
  }

  /** One survey year's points of the staff measure against the outcome at {@code outcomeIndex}. */
  private static List<ScatterPoint> scatterPoints(List<Row> rows, int outcomeIndex, int year) {
    int y = 4 + outcomeIndex;
    return rows.stream().filter(r -> r.getInt(2) == year && !r.isNullAt(y))
        .map(r -> new ScatterPoint(r.getString(0), r.getString(1), r.getDouble(3), r.getDouble(y)))
        .toList();
  }

  /**
   * Every panel year of each organisation formed by a merger, when the catalog restates merged
   * organisations and its successors dataset dates the mergers (else none). A year before the
   * organisation's latest merger is restated. Small by construction: a few organisations.
   */
  private List<MergedYear> mergedYears(Dataset<Row> panel, MeasureInfo measure) {
    Optional<DatasetDescriptor> successors = catalog.withRole(Role.SUCCESSORS).stream().findFirst();
    if (catalog.succession() != Catalog.Succession.RESTATE || successors.isEmpty()
        || successors.get().column(EFFECTIVE_DATE).isEmpty()) {
      return List.of();
    }
    Succession.Table successions = PanelStage.successions(catalog,
        Map.of(successors.get().name(), lake.read(lake.raw(successors.get().name()))));
    Map<String, Integer> mergedIn = successions.formedIn();
    List<String> formed = Succession.finalSuccessors(successions.successorOf()).values().stream().distinct()
        .filter(mergedIn::containsKey).sorted().toList();
    if (formed.isEmpty()) {
      return List.of();
    }
    String base = PanelColumns.base(measure.name());
    Column n = List.of(panel.columns()).contains(base) ? col(base).cast("double") : lit(null).cast("double");
    List<Row> rows = panel.filter(col(PanelColumns.ORG_CODE).isin(formed.toArray()))
        .select(col(PanelColumns.ORG_CODE), col(PanelColumns.ORG_NAME), col(PanelColumns.SURVEY_YEAR),
            col(measure.name()).cast("double"), n, col(PanelColumns.SUCCESSION))
        .orderBy(col(PanelColumns.ORG_CODE), col(PanelColumns.SURVEY_YEAR))
        .collectAsList();
    // The name of the organisation's latest year: its own, whatever earlier rows say.
    Map<String, String> names = new TreeMap<>();
    rows.forEach(r -> names.put(r.getString(0), r.getString(1)));
    // The survey years: the panel also has rows for the outcome year after the last.
    int first = rows.stream().filter(r -> !r.isNullAt(3)).mapToInt(r -> r.getInt(2)).min().orElse(0);
    int last = rows.stream().filter(r -> !r.isNullAt(3)).mapToInt(r -> r.getInt(2)).max().orElse(-1);
    return rows.stream().filter(r -> r.getInt(2) >= first && r.getInt(2) <= last)
        .map(r -> new MergedYear(r.getString(0), names.get(r.getString(0)), r.getInt(2),
            r.isNullAt(3) ? Double.NaN : r.getDouble(3), r.isNullAt(4) ? Double.NaN : r.getDouble(4),
            r.getInt(2) < mergedIn.get(r.getString(0)), mergedIn.get(r.getString(0)),
            r.isNullAt(5) ? "" : r.getString(5)))
        .toList();
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

  private void writeQuarantine(Path csv) throws IOException {
    try (Writer w = Files.newBufferedWriter(csv);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder()
            .setHeader("dataset", "source_file", "source_line", "raw", "reason").build())) {
      // Every dataset's quarantine in one query (one Spark job, not one per dataset), in catalog order.
      Dataset<Row> all = null;
      for (int i = 0; i < catalog.datasets().size(); i++) {
        Dataset<Row> q = lake.read(lake.quarantine(catalog.datasets().get(i).name()))
            .select(col("dataset"), col("source_file"), col("source_line"), col("raw"), col("reason"))
            .withColumn("catalog_order", lit(i));
        all = all == null ? q : all.unionByName(q);
      }
      if (all != null) {
        for (Row r : all.orderBy("catalog_order", "source_file", "source_line").collectAsList()) {
          p.printRecord(r.getString(0), r.getString(1), r.getLong(2), r.getString(3), r.getString(4));
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
